/** English function words and question words: they carry no topic, so neither index nor query keeps them. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing dont down during each either else ever every few for from
  further had has have having he her here hers herself him himself his how however i if in into is it its
  itself just let me might more most much must my myself neither no nor not now of off on once only or other
  ought our ours ourselves out over own per please same shall she should so some such than that the their
  theirs them themselves then there these they this those though through thus to too under until up upon us
  many very via was we were what whatever when where whether which while who whom whose why will with within
  without would yet you your yours yourself yourselves
  tell know think say said says told according mr mrs ms`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
