/**
 * A transliteration-folded consonant skeleton, so spellings of one name from different
 * transliterations meet: Lukashenka/Lukashenko → lksnk, Biegun/Bigan/Beigun → bgn,
 * Tsikhanouskaya/Cichanouskaya → chnvsk, Alyaksandr/Alexander → alksndr. Belarusian spellings meet the
 * Russian ones of the same name where the languages differ regularly: дз/д (Zhodzina/Zhodino) and an
 * initial г written h/g (Hrodna/Grodno, Homiel/Gomel).
 * Input is an already folded (lower-case, mark-free) word.
 */
const DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/x/g, 'ks'],
  [/[kc]h/g, 'h'],
  [/[zs]h/g, 's'],
  [/sch/g, 's'],
  [/(?:ts|tz|cz)/g, 'c'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
  [/ou/g, 'ov'],
  [/dz/g, 'd'],
  [/^h/, 'g'],
];

export const MIN_NAME_KEY_WORD = 4;

export function nameKey(folded: string): string | null {
  if (folded.length < MIN_NAME_KEY_WORD || !/^[a-z]+$/.test(folded)) return null;
  let s = folded;
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  const head = s[0] ?? '';
  const skeleton = (head + s.slice(1).replace(/[aeiouh]/g, '')).replace(/(.)\1+/g, '$1');
  return skeleton.length >= 3 ? skeleton : null;
}
