/**
 * Canaries for the minisearch internals PassageIndex relies on (minisearch is pinned). Each fails with
 * a message saying what changed and where our code copies or relies on it, so an upgrade that changes
 * one is caught here rather than as silently different scores.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MiniSearch from 'minisearch';
import {
  type FieldTerms,
  INDEX_FIELDS,
  type IndexEntry,
  KEYS_FIELD,
  OUTLET_FIELD,
  TEXT_FIELD,
  TITLE_FIELD,
} from '../../src/search/indexEntry.js';
import { PassageIndex } from '../../src/search/passageIndex.js';
import { Postings } from '../../src/search/postings.js';
import { TermPacker } from '../../src/text/packedTerms.js';
import { complete } from '../helpers/searchStateEdits.js';

const ENTRIES: IndexEntry[] = [
  { id: 'a', text: 'lukashenko win vote vote', keys: 'lksnk', title: 'belarus elect', outlet: 'rfe rl' },
  { id: 'b', text: 'biegun visit moscow vilnius vote', keys: 'bgn mscv', title: 'us diplomat', outlet: '' },
  {
    id: 'c',
    text: 'protest minsk sunday vote',
    keys: 'prtst mnsk',
    title: 'belarus protest',
    outlet: 'delfi',
  },
  { id: 'd', text: 'lukashenka minsk protest', keys: 'lksnk mnsk', title: 'minsk', outlet: 'rfe' },
];

function counted(entry: IndexEntry): FieldTerms[] {
  return INDEX_FIELDS.map((field) => {
    const terms = new Map<string, number>();
    for (const term of entry[field].split(' ').filter((t) => t.length > 0))
      terms.set(term, (terms.get(term) ?? 0) + 1);
    return terms;
  });
}

/** Minisearch as it comes, with the options PassageIndex gives it. */
function plainMiniSearch(): MiniSearch<IndexEntry> {
  const split = (text: string) => (text.length === 0 ? [] : text.split(' '));
  return new MiniSearch<IndexEntry>({
    fields: [...INDEX_FIELDS],
    storeFields: [],
    tokenize: split,
    processTerm: (term) => term,
    searchOptions: { tokenize: split, processTerm: (term) => term },
  });
}

function ours(entries = ENTRIES): PassageIndex {
  const index = new PassageIndex();
  for (const entry of entries) index.addPassageTerms(entry.id, counted(entry));
  return index;
}

function theirs(entries = ENTRIES): MiniSearch<IndexEntry> {
  const mini = plainMiniSearch();
  mini.addAll(entries);
  return mini;
}

/** toJSON without the term tree's order, which follows insertion. */
function state(mini: MiniSearch<IndexEntry>) {
  const json = JSON.parse(JSON.stringify(mini)) as { index: [string, unknown][] };
  json.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return json;
}

const QUERIES = ['vote', 'lukashenko minsk', 'belarus protest', 'lksnk'];

function hits(mini: MiniSearch<IndexEntry>) {
  return QUERIES.map((q) => mini.search(q).map((r) => [r.id, r.score]));
}

/** The names of the Postings methods and getters called while `run` runs. */
async function postingsCalls(run: () => unknown): Promise<string[]> {
  const proto = Postings.prototype as unknown as Record<string | symbol, unknown>;
  const called = new Set<string>();
  const restore: (() => void)[] = [];
  for (const key of Reflect.ownKeys(Postings.prototype)) {
    if (key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(Postings.prototype, key)!;
    const name = String(key);
    const wrapped = { ...descriptor };
    if (descriptor.get) {
      const get = descriptor.get;
      wrapped.get = function (this: Postings) {
        called.add(name);
        return get.call(this);
      };
    } else if (typeof descriptor.value === 'function') {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      wrapped.value = function (this: Postings, ...args: unknown[]) {
        called.add(name);
        return method.apply(this, args);
      };
    } else continue;
    Object.defineProperty(proto, key, wrapped);
    restore.push(() => Object.defineProperty(proto, key, descriptor));
  }
  try {
    await run();
  } finally {
    for (const undo of restore) undo();
  }
  return [...called].sort();
}

/**
 * Our own methods call into Postings too (idAt, nextSlot… from iterators, find from get): only the
 * Map methods minisearch itself can reach are compared.
 */
const MAP_METHODS = new Set([
  'get',
  'has',
  'set',
  'delete',
  'clear',
  'size',
  'keys',
  'values',
  'entries',
  'forEach',
  'Symbol(Symbol.iterator)',
  'Symbol(Symbol.toStringTag)',
]);

async function mapCalls(run: () => unknown): Promise<string[]> {
  return (await postingsCalls(run)).filter((name) => MAP_METHODS.has(name));
}

const changed = (what: string, where: string) =>
  `minisearch changed ${what}; ${where} relies on it: check it before upgrading`;

test('minisearch calls only size, keys and get on postings when it scores a query', async () => {
  const index = ours();
  assert.deepEqual(
    await mapCalls(() => {
      index.search('vote');
      index.search({ queries: ['lukashenko', 'minsk'], fields: ['text', 'title'], boost: { title: 1.5 } });
      index.search('lukashenka', { fuzzy: 1 });
      index.search('lukas', { prefix: true });
    }),
    ['get', 'keys', 'size'],
    changed('the Map methods its search calls on postings', 'Postings (src/search/postings.ts)'),
  );
});

test('minisearch takes a discarded passage out of the postings it scores, at search and vacuum', async () => {
  const index = ours();
  index.discard('a');
  index.discard('d');
  // Its removeTerm takes one occurrence off: 'vote' (twice in a) is set to 1, 'minsk' (once in d) deleted.
  assert.deepEqual(
    await mapCalls(() => {
      index.search('vote');
      index.search('minsk');
    }),
    ['delete', 'get', 'keys', 'set', 'size'],
    changed('how a search cleans up discarded passages', 'Postings (set and delete while iterating)'),
  );
  assert.deepEqual(
    [...(index.postings('minsk', TEXT_FIELD)?.entries() ?? [])],
    [[2, 1]],
    changed('search-time clean-up', 'PassageIndex.removePassageTerms (terms it could not find)'),
  );
  assert.deepEqual(
    [...(index.postings('vote', TEXT_FIELD)?.entries() ?? [])],
    [
      [0, 1],
      [1, 1],
      [2, 1],
    ],
  );
  assert.deepEqual(
    await mapCalls(() => index.vacuum()),
    ['Symbol(Symbol.iterator)', 'delete', 'entries', 'size'],
    changed('how vacuuming cleans up discarded passages', 'the Postings iterator'),
  );
  assert.equal(index.dirtCount, 0, changed('vacuuming', 'the index codec (it saves only live passages)'));
  assert.deepEqual([...(index.postings('vote', TEXT_FIELD)?.keys() ?? [])], [1, 2]);
  const mini = theirs();
  mini.discard('a');
  mini.discard('d');
  mini.search('vote');
  mini.search('minsk');
  await mini.vacuum();
  assert.deepEqual(state(index), state(mini));
});

test('minisearch adds to and removes from postings with get, set, delete and size', async () => {
  const index = ours();
  assert.deepEqual(
    await mapCalls(() => {
      index.add({ id: 'e', text: 'vote minsk', keys: 'mnsk', title: 'vote', outlet: '' });
      index.remove(ENTRIES[0]!);
    }),
    ['delete', 'get', 'set', 'size'],
    changed('the Map methods its add and remove call on postings', 'Postings (src/search/postings.ts)'),
  );
});

test('minisearch serializes postings by iterating them', async () => {
  const index = ours();
  assert.deepEqual(
    await mapCalls(() => JSON.stringify(index)),
    ['Symbol(Symbol.iterator)', 'entries'],
    changed('how toJSON reads postings', 'Postings (src/search/postings.ts)'),
  );
});

test('minisearch numbers fields in the order of the fields option', async () => {
  assert.deepEqual(
    new PassageIndex().figures().fieldIds,
    { text: TEXT_FIELD, keys: KEYS_FIELD, title: TITLE_FIELD, outlet: OUTLET_FIELD },
    changed('its field ids', 'TEXT_FIELD… in src/search/indexEntry.ts'),
  );
});

test('passages added and removed with counted terms leave the figures minisearch add() and remove() do', async () => {
  const index = ours();
  const mini = theirs();
  assert.deepEqual(
    state(index),
    state(mini),
    changed(
      'what add() records (document count, field lengths, their averages, postings)',
      'PassageIndex.addPassageTerms and startBuild',
    ),
  );
  assert.deepEqual(hits(index), hits(mini), changed('BM25 scoring', 'PassageIndex'));
  const builder = new PassageIndex();
  const packer = new TermPacker();
  for (const entry of ENTRIES)
    packer.addPassage(INDEX_FIELDS.map((field) => entry[field].split(' ').filter((t) => t.length > 0)));
  builder.startBuild().addDocument(
    ENTRIES.map((entry) => entry.id),
    packer.finish(),
  );
  complete(builder.finishBuild());
  assert.deepEqual(state(builder), state(mini), changed('what add() records', 'PassageIndex.startBuild'));
  for (const entry of [ENTRIES[1]!, ENTRIES[3]!]) {
    index.removePassageTerms(
      entry.id,
      counted(entry).map((terms) => terms.keys()),
    );
    mini.remove(entry);
  }
  assert.deepEqual(
    state(index),
    state(mini),
    changed(
      'what remove() undoes (document count, average field lengths)',
      'PassageIndex.removePassageTerms',
    ),
  );
  assert.deepEqual(hits(index), hits(mini), changed('BM25 scoring', 'PassageIndex'));
});

test('an index restored from its parts equals what loadJS makes of its toJSON', async () => {
  const index = ours();
  const terms: [string, Map<number, Postings>][] = [];
  for (const [term, data] of index.termsSnapshot()) {
    const copies = new Map<number, Postings>();
    for (const [fieldId, postings] of data) {
      const copy = new Postings();
      for (const [id, freq] of postings) copy.append(id, freq);
      copies.set(fieldId, copy);
    }
    terms.push([term, copies]);
  }
  const passageIds = new Map<number, string>();
  const fieldLengths = new Map<number, number[]>();
  for (const [shortId, id, lengths] of index.passages()) {
    passageIds.set(shortId, id);
    fieldLengths.set(shortId, [...lengths]);
  }
  const restored = complete(
    PassageIndex.restore({ figures: index.figures(), passageIds, fieldLengths, terms }),
  );
  const loaded = MiniSearch.loadJS(index.toJSON(), {
    fields: [...INDEX_FIELDS],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  });
  // A field of minisearch's that restore does not set would keep its new-index value there.
  const fields = (mini: object) => Object.keys(mini).sort();
  assert.deepEqual(
    fields(restored),
    [
      '_avgFieldLength',
      '_currentVacuum',
      '_dirtCount',
      '_documentCount',
      '_documentIds',
      '_enqueuedVacuum',
      '_enqueuedVacuumConditions',
      '_fieldIds',
      '_fieldLength',
      '_idToShortId',
      '_index',
      '_nextId',
      '_options',
      '_storedFields',
    ],
    changed('the fields it keeps its state in', 'PassageIndex.restore (it sets them as loadJS does)'),
  );
  assert.deepEqual(fields(loaded), fields(restored));
  assert.deepEqual(state(restored), state(loaded), changed('what loadJS restores', 'PassageIndex.restore'));
  assert.deepEqual(hits(restored), hits(index), changed('what loadJS restores', 'PassageIndex.restore'));
});

test("minisearch's fuzzy lookup gives each indexed term within reach with its edit distance", () => {
  const index = ours();
  assert.deepEqual(
    index.similarTerms('lukashenko', 1).sort(),
    [
      ['lukashenka', 1],
      ['lukashenko', 0],
    ],
    changed('SearchableMap.fuzzyGet', 'PassageIndex.similarTerms (spelling corrections)'),
  );
});
