import MiniSearch, { type Options } from 'minisearch';
import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import type { DocumentMeta } from '../types.js';
import type { FieldTerms } from './miniIndex.js';

/** A passage as minisearch would see it: every field run through the text pipeline, terms space-separated. */
export interface IndexEntry {
  id: string;
  text: string;
  keys: string;
  title: string;
  outlet: string;
}

export const INDEX_FIELDS = ['text', 'keys', 'title', 'outlet'] as const;
export const TEXT_FIELD = 0;
export const KEYS_FIELD = 1;
export const TITLE_FIELD = 2;
export const OUTLET_FIELD = 3;

function splitAnalyzed(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}

/** Fields arrive pre-analyzed, so minisearch only splits on the spaces we put there. */
export const MINISEARCH_OPTIONS: Options<IndexEntry> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: splitAnalyzed,
  processTerm: (term) => term,
  searchOptions: { tokenize: splitAnalyzed, processTerm: (term) => term },
};

export function createMiniSearch(): MiniSearch<IndexEntry> {
  return new MiniSearch<IndexEntry>(MINISEARCH_OPTIONS);
}

/** Each term of a passage's fields with its frequency, in INDEX_FIELDS order. */
export type CountedFields = [text: FieldTerms, keys: FieldTerms, title: FieldTerms, outlet: FieldTerms];

/** The fields every passage of a document shares, counted once per document. */
export interface DocumentFields {
  title: FieldTerms;
  outlet: FieldTerms;
}

function countTerms(terms: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function analyzedTerms(text: string, aliases: AliasTable): Map<string, number> {
  return countTerms(analyze(text, aliases).map((t) => t.term));
}

export function documentFields(
  meta: Pick<DocumentMeta, 'title' | 'outlet'>,
  aliases: AliasTable,
): DocumentFields {
  return {
    title: analyzedTerms(meta.title, aliases),
    outlet: meta.outlet ? analyzedTerms(meta.outlet, aliases) : new Map(),
  };
}

/** A passage's text analysed once: its terms and transliteration keys, counted. */
export function passageTerms(text: string, aliases: AliasTable): { text: FieldTerms; keys: FieldTerms } {
  const terms = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const token of analyze(text, aliases)) {
    terms.set(token.term, (terms.get(token.term) ?? 0) + 1);
    if (token.key !== null) keys.set(token.key, (keys.get(token.key) ?? 0) + 1);
  }
  return { text: terms, keys };
}

export function countedFields(text: string, doc: DocumentFields, aliases: AliasTable): CountedFields {
  const passage = passageTerms(text, aliases);
  return [passage.text, passage.keys, doc.title, doc.outlet];
}

function spelled(terms: FieldTerms): string {
  const out: string[] = [];
  for (const [term, count] of terms) for (let i = 0; i < count; i++) out.push(term);
  return out.join(' ');
}

/** The same fields as minisearch documents (for minisearch's own add(), in tests and the bench's plain side). */
export function toIndexEntry(id: string, fields: CountedFields): IndexEntry {
  const [text, keys, title, outlet] = fields;
  return { id, text: spelled(text), keys: spelled(keys), title: spelled(title), outlet: spelled(outlet) };
}
