import type MiniSearch from 'minisearch';
import { Postings } from './postings.js';
import { emptyTermStats, type TermStats } from './termStats.js';

/**
 * minisearch's internals that the engine fills and saves directly (minisearch is pinned;
 * test/indexCodec.test.ts and test/miniIndex.test.ts check them against minisearch's own add and toJSON).
 * Its add() re-splits strings and walks the term tree for every token, and keeps postings in Maps;
 * adding pre-counted terms into compact Postings does the same work at a fraction of the cost.
 */
export type TermData = Map<number, Postings | Map<number, number>>;

export interface TermTree extends Iterable<[string, TermData]> {
  get(term: string): TermData | undefined;
  set(term: string, data: TermData): unknown;
  delete(term: string): void;
  readonly size: number;
}

export interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: TermTree;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
  removeFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

export const internals = <T>(mini: MiniSearch<T>) => mini as unknown as MiniSearchInternals;

/** A term's frequency in one field of one passage. */
export type FieldTerms = ReadonlyMap<string, number>;

function termData(m: MiniSearchInternals, term: string): TermData {
  let data = m._index.get(term);
  if (!data) {
    data = new Map();
    m._index.set(term, data);
  }
  return data;
}

/** Registers a new document id as minisearch's add() does; `shortId` replays a saved one (a delta). */
function addDocumentId(m: MiniSearchInternals, id: string, shortId: number): void {
  if (m._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
  if (shortId < m._nextId) throw new Error(`MiniSearch: short id ${shortId} is already taken`);
  m._idToShortId.set(id, shortId);
  m._documentIds.set(shortId, id);
  m._documentCount += 1;
  m._nextId = shortId + 1;
}

/**
 * What minisearch's add() does for a document whose fields are already counted, in the same order.
 * `shortId` must be above every short id in use.
 */
export function addCounted<T>(
  mini: MiniSearch<T>,
  id: string,
  fields: readonly FieldTerms[],
  shortId: number = internals(mini)._nextId,
): void {
  const m = internals(mini);
  addDocumentId(m, id, shortId);
  for (let fieldId = 0; fieldId < fields.length; fieldId++) {
    const terms = fields[fieldId]!;
    m.addFieldLength(shortId, fieldId, m._documentCount - 1, terms.size);
    terms.forEach((freq, term) => {
      const data = termData(m, term);
      const postings = data.get(fieldId);
      if (postings === undefined) {
        const fresh = new Postings();
        fresh.append(shortId, freq);
        data.set(fieldId, fresh);
      } else if (postings instanceof Postings) postings.append(shortId, freq);
      else postings.set(shortId, freq);
    });
  }
}

/**
 * Makes room, ahead of time, in every posting list these passages will be added to, pausing every
 * few hundred lists: the synchronous step that adds them then only appends (see Postings.reserve).
 */
export function* reserveRoom<T>(
  mini: MiniSearch<T>,
  passages: Iterable<readonly FieldTerms[]>,
): Generator<void> {
  const m = internals(mini);
  const counts: Map<string, number>[] = [];
  for (const fields of passages) {
    fields.forEach((terms, fieldId) => {
      const field = counts[fieldId] ?? new Map<string, number>();
      counts[fieldId] = field;
      for (const term of terms.keys()) field.set(term, (field.get(term) ?? 0) + 1);
    });
    yield;
  }
  let n = 0;
  for (const [fieldId, field] of counts.entries()) {
    for (const [term, count] of field ?? []) {
      const postings = m._index.get(term)?.get(fieldId);
      if (postings instanceof Postings) postings.reserve(count);
      if (++n % 200 === 0) yield;
    }
  }
}

/**
 * What minisearch's remove() does, given the passage's distinct terms field by field: its postings
 * go at once. discard() would leave them until a vacuum, and minisearch's BM25 counts documents
 * while it walks a posting list, so lingering postings skew scores by where they sit (and a reloaded
 * index, without them, would score differently). A term not found (the passage changed since it was
 * added) is left to minisearch's own clean-up, as a discarded passage's would be.
 */
export function removeCounted<T>(mini: MiniSearch<T>, id: string, fields: readonly Iterable<string>[]): void {
  const m = internals(mini);
  const shortId = m._idToShortId.get(id);
  if (shortId === undefined)
    throw new Error(`MiniSearch: cannot remove document with ID ${id}: it is not in the index`);
  const lengths = m._fieldLength.get(shortId) ?? [];
  let missing = false;
  fields.forEach((terms, fieldId) => {
    m.removeFieldLength(shortId, fieldId, m._documentCount, lengths[fieldId] ?? 0);
    for (const term of terms) {
      const data = m._index.get(term);
      const postings = data?.get(fieldId);
      if (!data || !postings?.delete(shortId)) {
        missing = true;
        continue;
      }
      if (postings.size === 0) data.delete(fieldId);
      if (data.size === 0) m._index.delete(term);
    }
  });
  m._storedFields.delete(shortId);
  m._documentIds.delete(shortId);
  m._idToShortId.delete(id);
  m._fieldLength.delete(shortId);
  m._documentCount -= 1;
  if (missing) m._dirtCount += 1;
}

/**
 * Fills a fresh index built aside, a document at a time, term by term as the analyser emits them:
 * no counting Map a passage, and a Map a field from term to postings instead of the term tree's
 * walk. Nothing searches the index (so nothing removes terms from the tree) until it is done.
 */
export class IndexBuilder {
  private readonly m: MiniSearchInternals;
  private readonly postings: Map<string, Postings>[];
  private readonly lengths: number[];
  private shortId = -1;

  constructor(mini: MiniSearch<never>) {
    this.m = internals(mini);
    const fields = Object.keys(this.m._fieldIds).length;
    this.postings = Array.from({ length: fields }, () => new Map());
    this.lengths = new Array<number>(fields).fill(0);
  }

  begin(id: string): void {
    this.shortId = this.m._nextId;
    addDocumentId(this.m, id, this.shortId);
    this.lengths.fill(0);
  }

  private postingsOf(fieldId: number, term: string): Postings {
    const field = this.postings[fieldId]!;
    let postings = field.get(term);
    if (!postings) {
      postings = new Postings();
      termData(this.m, term).set(fieldId, postings);
      field.set(term, postings);
    }
    return postings;
  }

  /** One occurrence of `term` in the current document's field. */
  add(fieldId: number, term: string): void {
    if (this.postingsOf(fieldId, term).bump(this.shortId)) this.lengths[fieldId]!++;
  }

  /** A field counted beforehand (shared by a document's passages). */
  addCounted(fieldId: number, terms: FieldTerms): void {
    terms.forEach((freq, term) => {
      this.postingsOf(fieldId, term).append(this.shortId, freq);
    });
    this.lengths[fieldId] = terms.size;
  }

  /** Field lengths are distinct terms, as minisearch counts them, averaged in field order as it does. */
  end(): void {
    this.lengths.forEach((length, fieldId) => {
      this.m.addFieldLength(this.shortId, fieldId, this.m._documentCount - 1, length);
    });
  }
}

/**
 * Term statistics read off the index, pausing every few hundred terms: a term's document frequency
 * in a field is the size of its postings there. Only true while the index holds no discarded
 * passages (right after a build).
 */
export function* statsFromIndex<T>(
  mini: MiniSearch<T>,
  textField: number,
  keysField: number,
): Generator<void, TermStats> {
  const m = internals(mini);
  const stats = emptyTermStats();
  stats.passages = m._documentCount;
  let n = 0;
  for (const [term, data] of m._index) {
    const text = data.get(textField)?.size ?? 0;
    const keys = data.get(keysField)?.size ?? 0;
    if (text > 0) stats.text.set(term, text);
    if (keys > 0) stats.keys.set(term, keys);
    if (++n % 500 === 0) yield;
  }
  return stats;
}

/** Every Postings of the index, trimmed to capacityFor its size (a build leaves up to half spare). */
export function* trimPostings<T>(mini: MiniSearch<T>): Generator<void> {
  for (const [, data] of internals(mini)._index) {
    for (const postings of data.values()) if (postings instanceof Postings) postings.trim();
    yield;
  }
}
