/**
 * The knowledge is in English. A question mostly in another script that finds nothing is told so, in its
 * own language where we can say it without a translation service (Russian, Belarusian, Ukrainian), and in
 * English.
 */

const LETTER = /\p{L}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const BELARUSIAN = /[ўЎ]/;
const UKRAINIAN = /[іїєґІЇЄҐ]/;

const ENGLISH = 'The knowledge is in English: try asking in English (names in Latin letters also work).';
const IN_LANGUAGE = {
  ru: 'База знаний на английском языке: попробуйте задать вопрос по-английски.',
  be: 'База ведаў на англійскай мове: паспрабуйце задаць пытанне па-англійску.',
  uk: 'База знань англійською мовою: спробуйте поставити запитання англійською.',
} as const;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The hint for a question mostly (over half its letters) in a script other than Latin, else null. */
export function languageHint(question: string): string | null {
  const letters = count(question, LETTER);
  if (letters === 0 || count(question, LATIN) * 2 >= letters) return null;
  if (count(question, CYRILLIC) * 2 < letters) return ENGLISH;
  const language = BELARUSIAN.test(question) ? 'be' : UKRAINIAN.test(question) ? 'uk' : 'ru';
  return `${IN_LANGUAGE[language]} ${ENGLISH}`;
}
