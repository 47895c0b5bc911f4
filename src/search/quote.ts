import type { Span } from '../types.js';
import type { PassageMatch } from './matchPassage.js';

/** A passage this short is quoted whole: trimming it would lose more context than it saves. */
export const WHOLE_PASSAGE_WORDS = 45;
export const ELLIPSIS = '…';

export interface Quote {
  quote: string;
  highlights: Span[];
  textHighlights: Span[];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The answering sentence(s) of a passage, verbatim, with "…" where the passage goes on. */
export function buildQuote(text: string, sentences: Span[], match: PassageMatch): Quote {
  const first = sentences[match.best.from];
  const last = sentences[match.best.to];
  const whole = !first || !last || match.best.coverage === 0 || wordCount(text) <= WHOLE_PASSAGE_WORDS;
  const start = whole ? 0 : first.start;
  const end = whole ? text.length : last.end;
  const lead = start > 0 ? `${ELLIPSIS} ` : '';
  const tail = end < text.trimEnd().length ? ` ${ELLIPSIS}` : '';
  const body = text.slice(start, end);
  const highlights = match.hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start + lead.length, end: h.end - start + lead.length }));
  const textHighlights = match.hits.map(({ start, end }) => ({ start, end }));
  return { quote: lead + body + tail, highlights, textHighlights };
}
