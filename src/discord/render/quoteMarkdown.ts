import type { Citation } from '../../types.js';
import { boldRanges } from '../send/escape.js';
import { truncate } from '../send/truncate.js';

/** The quote as members read it: verbatim, escaped, matched terms in bold, as a block quote. */
export function quoteMarkdown(citation: Pick<Citation, 'quote' | 'highlights'>, max: number): string {
  const marked = truncate(boldRanges(citation.quote, citation.highlights), Math.max(max - 40, 40));
  return marked
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `> ${line}`)
    .join('\n');
}
