/**
 * Cyrillic to Latin letters, after the national romanisations in their simple form:
 * Russian (Минск → minsk), Belarusian (Лукашэнка → lukashenka, Ціханоўская → tsikhanouskaya) and Ukrainian
 * (Київ → kyiv, Запоріжжя → zaporizhzhia). The language is told from the letters only it uses; a name
 * is for telling files apart, and a name typed in Cyrillic meets the Latin spellings of news in English
 * through the name key (Лукашенко → lukashenko, Тихановская → tikhanovskaya). Other characters pass through.
 */

import { foldText } from './fold.js';

type Language = 'ru' | 'be' | 'uk';

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  є: 'ye',
  ї: 'yi',
};

const BY_LANGUAGE: Record<Language, Record<string, string>> = {
  ru: {},
  be: { г: 'h' },
  uk: { г: 'h', и: 'y' },
};

/** Ukrainian writes these at the start of a word as ye, yi, y, yu, ya, and inside one as ie, i, i, iu, ia. */
const UKRAINIAN_INSIDE_WORD: Record<string, string> = { є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia' };

const CYRILLIC = /[\u0400-\u04ff]/;
const LETTER = /\p{L}/u;

function languageOf(text: string): Language {
  if (/[ґєї]/.test(text)) return 'uk';
  if (text.includes('ў') || (text.includes('і') && /[ыэё]/.test(text))) return 'be';
  return text.includes('і') ? 'uk' : 'ru';
}

/** `text` with its Cyrillic letters in Latin ones, capitals kept (Київ → Kyiv); other characters as they are. */
export function transliterate(text: string): string {
  if (!CYRILLIC.test(text)) return text;
  const language = languageOf(text.toLowerCase());
  let out = '';
  let previous = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const insideWord = previous !== '' && LETTER.test(previous);
    const latin =
      (language === 'uk' && insideWord ? UKRAINIAN_INSIDE_WORD[lower] : undefined) ??
      BY_LANGUAGE[language][lower] ??
      COMMON[lower];
    out +=
      latin === undefined ? char : lower === char ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    previous = char;
  }
  return out;
}

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/**
 * A lower-case Cyrillic word as the text pipeline reads it: transliterated, the -ый / -ий ending written -y as
 * English does (Навальный → navalny), and letters of other Cyrillic alphabets (Serbian ђ, Kazakh қ) folded to
 * their base letter or dropped.
 */
export function transliterateWord(lower: string): string {
  const latin = foldText(transliterate(lower.normalize('NFC'))).replace(/\p{Script=Cyrillic}/gu, '');
  return latin.replace(/(?:yy|iy|yi)$/, 'y');
}
