/** How many typing errors a word of this length may carry and still be recognised. */
export function typoAllowance(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}
