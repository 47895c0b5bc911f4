import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import type { DocumentMeta } from '../types.js';

/** A passage as minisearch would see it: every field run through the text pipeline, terms space-separated. */
export interface IndexEntry {
  id: string;
  text: string;
  keys: string;
  title: string;
  outlet: string;
}

export const INDEX_FIELDS = ['text', 'keys', 'title', 'outlet'] as const;
export { KEYS_FIELD, OUTLET_FIELD, TEXT_FIELD, TITLE_FIELD } from '../text/packedTerms.js';

/** A term's frequency in one field of one passage. */
export type FieldTerms = ReadonlyMap<string, number>;

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
