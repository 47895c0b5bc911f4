import { IRREGULAR_FORMS } from './irregularForms.js';

const VOWEL = /[aeiouy]/;

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function undouble(s: string): string {
  const n = s.length;
  if (n > 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1] ?? '')) return s.slice(0, -1);
  return s;
}

/**
 * Derivational endings that matter for news questions: demonyms meet their country
 * (Lithuanian/Lithuania, Ukrainian/Ukraine, Belarusian/Belarus), nouns meet their verbs
 * (obligations/obliges, elections/elected, governments/governed).
 */
function stripDerivation(w: string): string {
  if (w.endsWith('ian') && w.length >= 7) return w.slice(0, -3);
  if (w.endsWith('ia') && w.length >= 5) return w.slice(0, -2);
  if (w.endsWith('ation') && w.length >= 8) return w.slice(0, -5);
  if (/[ts]ion$/.test(w) && w.length >= 7) return w.slice(0, -3);
  if (w.endsWith('ment') && w.length >= 10) return w.slice(0, -4);
  return w;
}

/**
 * A light English stemmer: plural and verb endings only, so related forms meet
 * (protests/protested/protesting → protest, officials/officially → official). The exact
 * stem does not matter, only that index and query reduce a word the same way.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;

  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  w = stripDerivation(w);

  if (w.endsWith('ing') && w.length >= 5 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length > 4 && hasVowel(w.slice(0, -2)))
    w = undouble(w.slice(0, -2));
  else if (w.endsWith('ily') && w.length > 6) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ly') && w.length > 6) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
