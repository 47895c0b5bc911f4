import MiniSearch from 'minisearch';
import { type IndexEntry, MINISEARCH_OPTIONS } from '../search/indexEntry.js';
import { emptyTermStats, type TermStats } from '../search/termStats.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';

/**
 * minisearch's own toJSON/loadJSON work in one block (and loadJSAsync sleeps 1 ms per 1000
 * postings), too slow for 100k passages in a serving bot. This codec writes the same data as
 * toJSON() as NDJSON chunks and reads it back in time slices. It touches minisearch internals,
 * so minisearch is pinned and test/indexCodec.test.ts checks it against toJSON().
 */
type Postings = Map<number, Map<number, number>>;

interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: { set(term: string, data: Postings): void } & Iterable<[string, Postings]>;
}

const internals = (mini: MiniSearch<IndexEntry>) => mini as unknown as MiniSearchInternals;

type Line =
  | {
      kind: 'header';
      documentCount: number;
      nextId: number;
      fieldIds: Record<string, number>;
      averageFieldLength: number[];
      dirtCount: number;
    }
  | { kind: 'ids'; entries: [number, string][] }
  | { kind: 'lengths'; entries: [number, number[]][] }
  | { kind: 'terms'; entries: [string, [number, [number, number][]][]][] };

const IDS_PER_LINE = 5000;
const POSTINGS_PER_LINE = 20000;

async function* chunked<T>(
  items: Iterable<T>,
  size: (item: T) => number,
  limit: number,
): AsyncGenerator<T[]> {
  const slicer = new TimeSlicer();
  let batch: T[] = [];
  let weight = 0;
  for (const item of items) {
    batch.push(item);
    weight += size(item);
    if (weight >= limit) {
      yield batch;
      batch = [];
      weight = 0;
      await slicer.maybeYield();
    }
  }
  if (batch.length > 0) yield batch;
}

export async function* encodeIndex(mini: MiniSearch<IndexEntry>): AsyncGenerator<string> {
  const m = internals(mini);
  const header: Line = {
    kind: 'header',
    documentCount: m._documentCount,
    nextId: m._nextId,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    dirtCount: m._dirtCount,
  };
  yield JSON.stringify(header);
  for await (const entries of chunked(m._documentIds, () => 1, IDS_PER_LINE))
    yield JSON.stringify({ kind: 'ids', entries } satisfies Line);
  for await (const entries of chunked(m._fieldLength, () => 1, IDS_PER_LINE))
    yield JSON.stringify({ kind: 'lengths', entries } satisfies Line);
  const postingsOf = ([, fields]: [string, Postings]) => {
    let n = 1;
    for (const docs of fields.values()) n += docs.size;
    return n;
  };
  for await (const batch of chunked(m._index, postingsOf, POSTINGS_PER_LINE)) {
    const entries = batch.map(([term, fields]): [string, [number, [number, number][]][]] => [
      term,
      [...fields].map(([fieldId, docs]): [number, [number, number][]] => [fieldId, [...docs]]),
    ]);
    yield JSON.stringify({ kind: 'terms', entries } satisfies Line);
  }
}

export class IndexFormatError extends Error {}

/** Rebuilds the minisearch instance and the term statistics from encodeIndex's lines. */
export async function decodeIndex(
  lines: AsyncIterable<string>,
): Promise<{ mini: MiniSearch<IndexEntry>; stats: TermStats }> {
  const slicer = new TimeSlicer();
  let mini: MiniSearch<IndexEntry> | null = null;
  const stats = emptyTermStats();
  let textField = -1;
  let keysField = -1;
  for await (const raw of lines) {
    if (raw.length === 0) continue;
    const line = JSON.parse(raw) as Line;
    if (line.kind === 'header') {
      mini = MiniSearch.loadJS(
        { ...line, documentIds: {}, fieldLength: {}, storedFields: {}, index: [], serializationVersion: 2 },
        MINISEARCH_OPTIONS,
      );
      textField = line.fieldIds.text ?? -1;
      keysField = line.fieldIds.keys ?? -1;
      stats.passages = line.documentCount;
      continue;
    }
    if (!mini) throw new IndexFormatError('index file does not start with a header');
    const m = internals(mini);
    if (line.kind === 'ids') {
      for (const [shortId, id] of line.entries) {
        m._documentIds.set(shortId, id);
        m._idToShortId.set(id, shortId);
      }
    } else if (line.kind === 'lengths') {
      for (const [shortId, lengths] of line.entries) m._fieldLength.set(shortId, lengths);
    } else if (line.kind === 'terms') {
      for (const [term, fields] of line.entries) {
        const data: Postings = new Map();
        for (const [fieldId, docs] of fields) {
          data.set(fieldId, new Map(docs));
          // Discarded passages linger in postings until minisearch vacuums: count live ones only.
          const live = docs.reduce((n, [shortId]) => (m._documentIds.has(shortId) ? n + 1 : n), 0);
          if (live === 0) continue;
          if (fieldId === textField) stats.text.set(term, live);
          else if (fieldId === keysField) stats.keys.set(term, live);
        }
        m._index.set(term, data);
      }
    } else {
      throw new IndexFormatError(`unknown index line kind ${(line as { kind: unknown }).kind}`);
    }
    await slicer.maybeYield();
  }
  if (!mini) throw new IndexFormatError('index file is empty');
  return { mini, stats };
}
