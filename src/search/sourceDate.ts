import type { Source } from '../types.js';

/** How every citation shows its date: as the document gives it, marked when read off its text, or "undated". */
export function sourceDate({
  published,
  publishedInferred,
}: Pick<Source, 'published' | 'publishedInferred'>): string {
  if (published === null) return 'undated';
  return publishedInferred ? `${published} (date from the text)` : published;
}
