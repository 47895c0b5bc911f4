import type { Answer, Source } from '../types.js';

/** The JSON contract of `npm run ask -- --json` (README "The JSON answer"): no highlight offsets, nothing internal. */
export function answerJson(answer: Answer): object {
  return {
    query: answer.query,
    answered: answer.answered,
    outlets: answer.outlets,
    citations: answer.citations.map((c) => ({
      rank: c.rank,
      passageId: c.passageId,
      documentId: c.documentId,
      text: c.text,
      quote: c.quote,
      score: c.score,
      source: sourceJson(c.source),
    })),
    ...(answer.answered ? {} : { suggestions: answer.suggestions }),
    ...(answer.missing ? { missing: answer.missing } : {}),
    ...(answer.hint ? { hint: answer.hint } : {}),
    ...(answer.truncated ? { truncated: true } : {}),
    ...(answer.differs ? { differs: true } : {}),
  };
}

/** `outletClaim` only when the page claimed an outlet its site did not bear out. */
function sourceJson({ outletClaim, ...source }: Source): object {
  return outletClaim ? { ...source, outletClaim } : source;
}
