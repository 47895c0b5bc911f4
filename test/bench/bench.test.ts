import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../../bench/args.js';
import { documentSizes, editDocument, generateCorpus, renderDocument } from '../../bench/corpus.js';
import { percentile, summarize } from '../../bench/percentiles.js';
import { buildQuerySet } from '../../bench/querySet.js';
import { keywordVariant, typoVariant } from '../../bench/queryVariants.js';
import { readSeedSentences, sentencesOf } from '../../bench/seedSentences.js';
import { formatRatio, formatTable } from '../../bench/table.js';
import { varyNumbers } from '../../bench/varySentence.js';
import { Vocabulary } from '../../bench/vocabulary.js';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { segmentDocument } from '../../src/text/segment.js';
import { Rng } from '../../src/util/prng.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));
const QUESTIONS = [
  'Who is going to visit Russia and Lithuania for talks on Belarus?',
  'What share of the vote did Lukashenko officially win?',
  'Where was Navalny evacuated to?',
];

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

test('the PRNG repeats itself for a seed and differs across seeds', () => {
  const draw = (seed: number) => {
    const rng = new Rng(seed);
    return Array.from({ length: 20 }, () => rng.next());
  };
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
  const rng = new Rng(1);
  for (let i = 0; i < 1000; i++) {
    const n = rng.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
    const x = rng.next();
    assert.ok(x >= 0 && x < 1);
  }
});

test('seed sentences come from the article text, not the front matter', async () => {
  const sentences = sentencesOf(
    '---\ntitle: "A title here"\nurl: null\n---\nFirst real sentence of the text here. And a second one follows it.\n',
  );
  assert.deepEqual(sentences, ['First real sentence of the text here.', 'And a second one follows it.']);
  const seeds = await readSeedSentences(KNOWLEDGE);
  assert.ok(seeds.length > 50);
  assert.ok(seeds.every((s) => !s.includes('title:') && !s.includes('\n')));
});

test('the same seed gives the same corpus; another seed another one', async () => {
  const sentences = await readSeedSentences(KNOWLEDGE);
  const a = generateCorpus({ passages: 500, seed: 42, sentences });
  const b = generateCorpus({ passages: 500, seed: 42, sentences });
  const c = generateCorpus({ passages: 500, seed: 43, sentences });
  assert.deepEqual(a.map(renderDocument), b.map(renderDocument));
  assert.notDeepEqual(a.map(renderDocument), c.map(renderDocument));
  const edited = editDocument(a[3]!, sentences, 42);
  assert.deepEqual(edited, editDocument(a[3]!, sentences, 42));
  assert.equal(
    edited.paragraphs.filter((p, i) => p !== a[3]!.paragraphs[i]).length,
    1,
    'one paragraph changes',
  );
});

test('a generated corpus segments into about the requested number of passages', async () => {
  const sentences = await readSeedSentences(KNOWLEDGE);
  const docs = generateCorpus({ passages: 500, seed: 1, sentences });
  let passages = 0;
  for (const doc of docs) {
    assert.ok(
      doc.paragraphs.length >= 40 && doc.paragraphs.length <= 80,
      `${doc.paragraphs.length} paragraphs`,
    );
    const loaded = loadDocument(doc.file, Buffer.from(renderDocument(doc)));
    assert.ok(!isSkipped(loaded), isSkipped(loaded) ? loaded.reason : '');
    assert.equal(loaded.meta.title.length > 0, true);
    passages += segmentDocument(loaded).length;
  }
  assert.ok(Math.abs(passages - 500) <= 25, `${passages} passages for 500 requested`);
  assert.equal(new Set(docs.map((d) => d.id)).size, docs.length, 'unique ids');
});

test('document sizes add up exactly and stay within 50–70 passages', () => {
  for (const n of [500, 10_000, 100_000]) {
    const sizes = documentSizes(n, new Rng(n));
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      n,
    );
    assert.ok(
      sizes.every((s) => s >= 50 && s <= 70),
      `${n}: ${Math.min(...sizes)}..${Math.max(...sizes)}`,
    );
  }
});

test('the vocabulary grows with the corpus and never repeats a term', () => {
  const vocabulary = new Vocabulary(new Rng(3));
  vocabulary.growTo(1_000);
  const small = vocabulary.size('word');
  vocabulary.growTo(10_000);
  assert.ok(vocabulary.size('word') > small * 3);
  const seen = new Set<string>();
  for (let i = 0; i < 5_000; i++) {
    const word = vocabulary.pick('word');
    assert.ok(word !== null);
    seen.add(word);
  }
  assert.ok(seen.size > 100);
});

test('varied numbers keep their shape', () => {
  const rng = new Rng(5);
  for (let i = 0; i < 50; i++) {
    const out = varyNumbers('won 80.1% of 1,250 votes in 2020 on August 9.', rng);
    assert.match(out, /^won \d\d\.\d% of \d,\d\d\d votes in 20[12]\d on August \d{1,2}\.$/);
  }
});

test('a typo variant is exactly one edit (swap, drop or double a letter) from the query', () => {
  const rng = new Rng(11);
  const kinds = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const query = QUESTIONS[i % QUESTIONS.length]!;
    const typo = typoVariant(query, rng);
    kinds.add(typo.kind);
    assert.notEqual(typo.query, query);
    assert.equal(editDistance(typo.query, query), 1, `${typo.kind}: "${typo.query}"`);
  }
  assert.deepEqual([...kinds].sort(), ['double', 'drop', 'swap']);
});

test('a keyword variant keeps content words only, in order', () => {
  const rng = new Rng(2);
  for (let i = 0; i < 20; i++) {
    const words = keywordVariant(QUESTIONS[0]!, rng).split(' ');
    assert.ok(words.length >= 2);
    assert.ok(
      words.every((w) => ['visit', 'russia', 'lithuania', 'talks', 'belarus', 'going'].includes(w)),
      words.join(' '),
    );
  }
});

test('the query set has the requested size, starts with the questions and is deterministic', () => {
  const set = buildQuerySet(QUESTIONS, 200, 9);
  assert.equal(set.length, 200);
  assert.deepEqual(
    set.slice(0, 3).map((q) => q.query),
    QUESTIONS,
  );
  assert.deepEqual(set, buildQuerySet(QUESTIONS, 200, 9));
  assert.ok(new Set(set.map((q) => q.kind)).size === 4);
  assert.equal(buildQuerySet(QUESTIONS, 2, 9).length, 2);
});

test('percentiles use the nearest rank', () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile(values, 100), 100);
  assert.equal(percentile(values, 0), 1);
  assert.equal(percentile([7], 50), 7);
  assert.equal(percentile([1, 2, 3, 4], 50), 2);
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.deepEqual(summarize([3, 1, 2]), { count: 3, p50: 2, p90: 3, p99: 3, max: 3, mean: 2 });
});

test('tables align their columns', () => {
  const table = formatTable(
    ['metric', 'ours', 'plain'],
    [
      ['query p50 (ms)', '1.25', '0.40'],
      ['passages', '100,000', 'n/a'],
    ],
  );
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[1]!, /^-+-\|-+-\|-+$/);
  const bars = (line: string) => [...line].flatMap((c, i) => (c === '|' ? [i] : []));
  assert.deepEqual(bars(lines[2]!), bars(lines[0]!));
  assert.deepEqual(bars(lines[3]!), bars(lines[0]!));
  assert.ok(lines[3]!.endsWith('| 100,000 |   n/a'), 'numbers are right-aligned');
  assert.equal(formatRatio(3, 1.5), '×2.0');
  assert.equal(formatRatio(1, 4), '×0.25');
  assert.equal(formatRatio(1, 0), '—');
});

test('bench arguments', () => {
  assert.deepEqual(parseBenchArgs([]).sizes, [10_000, 100_000]);
  assert.deepEqual(parseBenchArgs(['--quick']).sizes, [1_000, 10_000]);
  const args = parseBenchArgs(['--', '--sizes', '100000,10000', '--queries=250']);
  assert.deepEqual(args.sizes, [10_000, 100_000]);
  assert.equal(args.queries, 250);
  assert.throws(() => parseBenchArgs(['--queries', 'x']), /--queries/);
  assert.throws(() => parseBenchArgs(['--sizes', '10']), /--sizes/);
  assert.throws(() => parseBenchArgs(['--fast']), /unknown option/);
  assert.equal(parseBenchArgs(['--http']).http, true);
  assert.equal(parseBenchArgs([]).http, false);
  assert.throws(() => parseBenchArgs(['--http', '--quick']), /--http runs on its own/);
});
