/**
 * Unicode and case folding shared by indexing and querying: NFKD, combining marks dropped
 * (Nausėda → nauseda), lower case, typographic apostrophes and quotes made plain.
 */
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032]/g;

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'").toLowerCase();
}

/** Folds a single word and drops possessive endings: Lukashenka's → lukashenka, Belarus' → belarus. */
export function foldWord(word: string): string {
  const folded = foldText(word);
  if (folded.endsWith("'s")) return folded.slice(0, -2);
  if (folded.endsWith("'")) return folded.slice(0, -1);
  return folded.replace(/'/g, '');
}
