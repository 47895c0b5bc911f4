import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { FIELD_COUNT, type PackedTerms } from '../text/packedTerms.js';
import { type FieldTerms, INDEX_FIELDS, type IndexEntry, KEYS_FIELD, TEXT_FIELD } from './indexEntry.js';
import { Postings } from './postings.js';
import { emptyTermStats, type TermStats } from './termStats.js';

/**
 * The one module that knows minisearch (pinned; test/passageIndexCanary.test.ts fails on any change
 * of the internals relied on here). minisearch scores the passages (BM25 over its term tree); this
 * subclass fills and saves its state directly, with pre-counted terms and compact Postings, because
 * its add() re-splits strings, walks the term tree for every token and keeps postings in Maps, and
 * its toJSON/loadJS work in one block: too slow for 100k passages in a serving bot.
 */

/** A question as the index takes it: terms, fields and boosts, combined (minisearch's query tree). */
export type IndexQuery = Query;
/** A passage the index found: `id` is the passage id, `score` its BM25. */
export type IndexHit = SearchResult;

function splitAnalyzed(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}

/** Fields arrive pre-analyzed, so minisearch only splits on the spaces we put there. */
const OPTIONS: Options<IndexEntry> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: splitAnalyzed,
  processTerm: (term) => term,
  searchOptions: { tokenize: splitAnalyzed, processTerm: (term) => term },
};

/** The running figures BM25 scores with, beside the postings: saved with an index, restored with it. */
export interface IndexFigures {
  documentCount: number;
  /** The short id the next passage gets. */
  nextId: number;
  fieldIds: Record<string, number>;
  /** Per field, the mean number of distinct terms, kept up to date as passages come and go. */
  averageFieldLength: number[];
}

/** A saved index read back, for PassageIndex.restore. */
export interface SavedIndex {
  figures: IndexFigures;
  /** Passage id by short id. */
  passageIds: Map<number, string>;
  /** Distinct terms per field, by short id. */
  fieldLengths: Map<number, number[]>;
  /** Each term's postings by field id, in the order the terms entered the index. */
  terms: [string, Map<number, Postings>][];
}

/** Fills a fresh index a document at a time, from its packed terms. */
export interface PassageBuilder {
  /** A document's passages, in order: `passageIds[i]` has the terms of passage i in `terms`. */
  addDocument(passageIds: readonly string[], terms: PackedTerms): void;
}

/** Terms, and passage ids, restored between pauses. */
const TERMS_PER_STEP = 500;
const PASSAGES_PER_STEP = 20_000;

export class PassageIndex extends MiniSearch<IndexEntry> {
  constructor() {
    super(OPTIONS);
  }

  /**
   * What minisearch's loadJS does, from the parts our codec reads (Postings, not Maps), pausing every
   * few hundred terms. Nothing else in the index is state: the canary test checks minisearch has no more.
   */
  static *restore(saved: SavedIndex): Generator<void, PassageIndex> {
    const index = new PassageIndex();
    const { figures } = saved;
    index._documentCount = figures.documentCount;
    index._nextId = figures.nextId;
    index._fieldIds = figures.fieldIds;
    index._avgFieldLength = figures.averageFieldLength;
    index._documentIds = saved.passageIds;
    index._fieldLength = saved.fieldLengths;
    let n = 0;
    // A million passages' ids in one go held the event loop for 0.6 s.
    for (const [shortId, id] of saved.passageIds) {
      index._idToShortId.set(id, shortId);
      if (++n % PASSAGES_PER_STEP === 0) yield;
    }
    for (const [term, data] of saved.terms) {
      index._index.set(term, data);
      if (++n % TERMS_PER_STEP === 0) yield;
    }
    return index;
  }

  figures(): IndexFigures {
    return {
      documentCount: this._documentCount,
      nextId: this._nextId,
      fieldIds: { ...this._fieldIds },
      averageFieldLength: [...this._avgFieldLength],
    };
  }

  /** Sets the figures a delta saved, so the index it rebuilds scores exactly like the one saved. */
  restoreRunningFigures(figures: Pick<IndexFigures, 'nextId' | 'averageFieldLength'>): void {
    this._nextId = figures.nextId;
    this._avgFieldLength = [...figures.averageFieldLength];
  }

  shortIdOf(passageId: string): number | undefined {
    return this._idToShortId.get(passageId);
  }

  /** The passage behind a short id, unless it was removed or discarded. */
  passageIdAt(shortId: number): string | undefined {
    return this._documentIds.get(shortId);
  }

  /** Every passage in the index: short id, id and distinct terms per field. */
  *passages(): Generator<[shortId: number, id: string, fieldLengths: readonly number[]]> {
    for (const [shortId, id] of this._documentIds) yield [shortId, id, this._fieldLength.get(shortId) ?? []];
  }

  /** The postings of `term` in one field (may hold discarded passages until they are cleaned up). */
  postings(term: string, fieldId: number): ReadonlyMap<number, number> | undefined {
    return this._index.get(term)?.get(fieldId);
  }

  /** Every term with its postings by field, as a list: searches meanwhile may drop terms from the tree. */
  termsSnapshot(): [string, ReadonlyMap<number, ReadonlyMap<number, number>>][] {
    return [...this._index];
  }

  /** Indexed terms within `maxDistance` edits of `word` (itself included when indexed), with the distance. */
  similarTerms(word: string, maxDistance: number): [term: string, distance: number][] {
    return [...this._index.fuzzyGet(word, maxDistance)].map(([term, [, distance]]) => [term, distance]);
  }

  private registerPassage(id: string, shortId: number): void {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    if (shortId < this._nextId) throw new Error(`MiniSearch: short id ${shortId} is already taken`);
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
    this._nextId = shortId + 1;
  }

  /** minisearch's addFieldLength (private there): the field's length, and the running average. */
  private recordFieldLength(shortId: number, fieldId: number, count: number, length: number): void {
    let lengths = this._fieldLength.get(shortId);
    if (!lengths) {
      lengths = [];
      this._fieldLength.set(shortId, lengths);
    }
    lengths[fieldId] = length;
    const average = this._avgFieldLength[fieldId] || 0;
    this._avgFieldLength[fieldId] = (average * count + length) / (count + 1);
  }

  /** minisearch's removeFieldLength (private there). */
  private forgetFieldLength(fieldId: number, count: number, length: number): void {
    if (count === 1) {
      this._avgFieldLength[fieldId] = 0;
      return;
    }
    this._avgFieldLength[fieldId] = (this._avgFieldLength[fieldId]! * count - length) / (count - 1);
  }

  private termData(term: string): Map<number, Map<number, number>> {
    let data = this._index.get(term);
    if (!data) {
      data = new Map();
      this._index.set(term, data);
    }
    return data;
  }

  /**
   * What minisearch's add() does for a passage whose fields are already counted, in the same order.
   * `shortId` (a delta replaying a saved one) must be above every short id in use.
   */
  addPassageTerms(id: string, fields: readonly FieldTerms[], shortId: number = this._nextId): void {
    this.registerPassage(id, shortId);
    for (let fieldId = 0; fieldId < fields.length; fieldId++) {
      const terms = fields[fieldId]!;
      this.recordFieldLength(shortId, fieldId, this._documentCount - 1, terms.size);
      terms.forEach((freq, term) => {
        const data = this.termData(term);
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
   * What minisearch's remove() does, given the passage's distinct terms field by field: its postings
   * go at once. discard() would leave them until a vacuum, and minisearch's BM25 counts documents
   * while it walks a posting list, so lingering postings skew scores by where they sit (and a reloaded
   * index, without them, would score differently). A term not found (the passage changed since it was
   * added) is left to minisearch's own clean-up, as a discarded passage's would be.
   */
  removePassageTerms(id: string, fields: readonly Iterable<string>[]): void {
    const shortId = this._idToShortId.get(id);
    if (shortId === undefined)
      throw new Error(`MiniSearch: cannot remove document with ID ${id}: it is not in the index`);
    const lengths = this._fieldLength.get(shortId) ?? [];
    let missing = false;
    fields.forEach((terms, fieldId) => {
      this.forgetFieldLength(fieldId, this._documentCount, lengths[fieldId] ?? 0);
      for (const term of terms) {
        const data = this._index.get(term);
        const postings = data?.get(fieldId);
        if (!data || !postings?.delete(shortId)) {
          missing = true;
          continue;
        }
        if (postings.size === 0) data.delete(fieldId);
        if (data.size === 0) this._index.delete(term);
      }
    });
    this._storedFields.delete(shortId);
    this._documentIds.delete(shortId);
    this._idToShortId.delete(id);
    this._fieldLength.delete(shortId);
    this._documentCount -= 1;
    if (missing) this._dirtCount += 1;
  }

  /**
   * Makes room, ahead of time, in every posting list these passages will be added to, pausing every
   * few hundred lists: the synchronous step that adds them then only appends (see Postings.reserve).
   */
  *reserveRoom(passages: Iterable<readonly FieldTerms[]>): Generator<void> {
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
        const postings = this._index.get(term)?.get(fieldId);
        if (postings instanceof Postings) postings.reserve(count);
        if (++n % 200 === 0) yield;
      }
    }
  }

  /**
   * Fills this index, fresh and built aside, a document at a time: each distinct term of a document
   * is looked up once (a Map a field from term to postings, instead of the term tree's walk), then
   * its passages' postings are appended. Terms enter the term tree in the order the passages first
   * hold them, field by field, as minisearch's add() would. Nothing may search the index (which
   * could remove terms from the tree) until finishBuild.
   */
  startBuild(): PassageBuilder {
    const fields = Object.keys(this._fieldIds).length;
    if (fields !== FIELD_COUNT)
      throw new Error(`the index has ${fields} fields, packed terms ${FIELD_COUNT}`);
    const byField: Map<string, Postings>[] = Array.from({ length: fields }, () => new Map());
    const postingsOf = (fieldId: number, term: string): Postings => {
      const field = byField[fieldId]!;
      let postings = field.get(term);
      if (!postings) {
        postings = new Postings();
        this.termData(term).set(fieldId, postings);
        field.set(term, postings);
      }
      return postings;
    };
    return {
      addDocument: (passageIds, packed) => {
        const words = packed.fields.length === 0 ? [] : packed.terms.split(' ');
        if (words.length !== packed.fields.length || packed.counts.length !== passageIds.length * fields)
          throw new Error('packed terms do not match their passages');
        const lists = words.map((word, n) => postingsOf(packed.fields[n]!, word));
        const { counts, entries, freqs } = packed;
        let e = 0;
        for (let p = 0; p < passageIds.length; p++) {
          const shortId = this._nextId;
          this.registerPassage(passageIds[p]!, shortId);
          // Field lengths are distinct terms, as minisearch counts them, averaged in field order as it does.
          for (let f = 0; f < fields; f++) {
            const count = counts[p * fields + f]!;
            for (const end = e + count; e < end; e++) lists[entries[e]!]!.append(shortId, freqs[e]!);
            this.recordFieldLength(shortId, f, this._documentCount - 1, count);
          }
        }
      },
    };
  }

  /**
   * Ends a build: trims every posting list to capacityFor its size (a build leaves up to half spare),
   * then reads the term statistics off the index (a term's document frequency in a field is the size
   * of its postings there, true while the index holds no discarded passage), pausing as it goes.
   */
  *finishBuild(): Generator<void, TermStats> {
    for (const [, data] of this._index) {
      for (const postings of data.values()) if (postings instanceof Postings) postings.trim();
      yield;
    }
    const stats = emptyTermStats();
    stats.passages = this._documentCount;
    let n = 0;
    for (const [term, data] of this._index) {
      const text = data.get(TEXT_FIELD)?.size ?? 0;
      const keys = data.get(KEYS_FIELD)?.size ?? 0;
      if (text > 0) stats.text.set(term, text);
      if (keys > 0) stats.keys.set(term, keys);
      if (++n % 500 === 0) yield;
    }
    return stats;
  }
}
