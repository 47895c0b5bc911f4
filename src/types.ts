/** Shared shapes of the engine: documents, passages and answers. */

export const METADATA_FIELDS = ['title', 'outlet', 'author', 'published', 'url', 'language'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
export const isMetadataField = (value: unknown): value is MetadataField =>
  (METADATA_FIELDS as readonly unknown[]).includes(value);

export interface DocumentMeta {
  title: string;
  /** Null when the outlet cannot be told from the text; never guessed. */
  outlet: string | null;
  /** The outlet a page claimed to be when its site did not bear it out (front matter `outlet_claim:`). */
  outletClaim?: string;
  author: string | null;
  /** ISO date, YYYY-MM-DD. */
  published: string | null;
  url: string | null;
  language: string | null;
  /** Fields filled by heuristics rather than given in front matter. */
  inferred: MetadataField[];
}

export interface KnowledgeDocument {
  /** File name without extension: stable, unique within the knowledge folder. */
  id: string;
  /** File name relative to the knowledge folder. */
  file: string;
  /** sha256 (hex) of the file's raw bytes. */
  hash: string;
  meta: DocumentMeta;
  /** The cleaned article text: noise spans removed, words untouched. */
  text: string;
}

export interface SkippedDocument {
  file: string;
  reason: string;
}

export interface KnowledgeLoad {
  documents: KnowledgeDocument[];
  skipped: SkippedDocument[];
}

/** A [start, end) character range. */
export interface Span {
  start: number;
  end: number;
}

export interface Passage {
  /** Stable: the same document id and text give the same id on every reindex. */
  id: string;
  documentId: string;
  /** Position of the passage within its document, from 0. */
  ordinal: number;
  /** Offsets into the cleaned document text; text === doc.text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Sentence ranges relative to `text`. */
  sentences: Span[];
  prev: string | null;
  next: string | null;
}

export interface Source {
  title: string;
  outlet: string | null;
  /** What the page claimed to be when that is not its site (then `outlet` is the site); shown as a claim. */
  outletClaim: string | null;
  author: string | null;
  published: string | null;
  /** The date was read off the text (a dateline, the latest date it writes), not given by the document. */
  publishedInferred: boolean;
  url: string | null;
}

export interface Citation {
  rank: number;
  passageId: string;
  documentId: string;
  /** The full passage text. */
  text: string;
  /** The displayed quote, plain text: the answering sentence(s), "…" where trimmed. */
  quote: string;
  /** Ranges of `quote` that match query terms, for highlighting. */
  highlights: Span[];
  /** The same matches as ranges of the full passage `text`. */
  textHighlights: Span[];
  score: number;
  source: Source;
}

export interface Answer {
  query: string;
  answered: boolean;
  /** Distinct outlets among the citations. */
  outlets: number;
  citations: Citation[];
  /** When not answered: the closest topics, as suggestions. */
  suggestions: string[];
  /** When not answered: the names the question asks about that the knowledge's nearest documents lack. */
  missing?: string[];
  /** When not answered and the question is mostly in another script: that the knowledge is in English, in its language. */
  hint?: string;
  /** Set when the query was cut to the length limit. */
  truncated?: boolean;
  /** Set when the citations give different figures for the same thing (reportsDiffer.ts). */
  differs?: boolean;
}
