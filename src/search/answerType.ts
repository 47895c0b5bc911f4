/**
 * What kind of answer a question wants, from its wording. Only counts for now: "how many",
 * "how much", "what share/percentage/number" want a sentence that states a quantity.
 */
const WANTS_COUNT =
  /\bhow\s+(?:many|much)\b|\bwhat\s+(?:share|percentage|percent|proportion|number|amount)\b/i;

export function wantsCount(question: string): boolean {
  return WANTS_COUNT.test(question);
}

const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
  million billion dozen`.split(/\s+/),
);

/** A term that states a quantity: a number that is not an ordinal or a year, or a number word. */
export function isCountTerm(term: string, raw: string): boolean {
  if (/^\d/.test(raw)) return !/(?:st|nd|rd|th)$/i.test(raw) && !/^(?:1[89]|20)\d\d$/.test(raw);
  return NUMBER_WORDS.has(term);
}
