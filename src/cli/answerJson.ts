import type { SearchPage } from '../search/searchPassages.js';
import type { Answer, Citation, Source } from '../types.js';

/** The JSON contract of `npm run ask -- --json` (README "The JSON answer"): no highlight offsets, nothing internal. */
export function answerJson(answer: Answer): object {
  return {
    query: answer.query,
    answered: answer.answered,
    outlets: answer.outlets,
    citations: answer.citations.map(citationJson),
    ...(answer.answered ? {} : { suggestions: answer.suggestions }),
    ...(answer.missing ? { missing: answer.missing } : {}),
    ...(answer.hint ? { hint: answer.hint } : {}),
    ...(answer.truncated ? { truncated: true } : {}),
    ...(answer.differs ? { differs: true } : {}),
  };
}

/** The JSON of `npm run ask -- --timeline --json`: one page of dated passages, oldest first. */
export function timelineJson(topic: string, page: SearchPage): object {
  return { topic, total: page.total, offset: page.offset, items: page.items.map(citationJson) };
}

function citationJson(c: Citation): object {
  return {
    rank: c.rank,
    passageId: c.passageId,
    documentId: c.documentId,
    text: c.text,
    quote: c.quote,
    score: c.score,
    source: sourceJson(c.source),
  };
}

/** `outletClaim` only when the page claimed an outlet its site did not bear out. */
function sourceJson({ outletClaim, ...source }: Source): object {
  return outletClaim ? { ...source, outletClaim } : source;
}
