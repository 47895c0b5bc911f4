import type { Citation, Source } from '../../src/types.js';

/** A citation quoting `quote` (its passage's whole text), rank 1, for tests; any field may be given. */
export function citationOf(
  quote: string,
  fields: Partial<Citation> = {},
  source: Partial<Source> = {},
): Citation {
  return {
    rank: 1,
    passageId: 'abcdefabcdef-1',
    documentId: 'doc',
    text: quote,
    quote,
    highlights: [],
    textHighlights: [],
    score: 1,
    ...fields,
    source: {
      title: 'T',
      outlet: 'O',
      outletClaim: null,
      author: null,
      published: null,
      publishedInferred: false,
      url: null,
      ...source,
    },
  };
}
