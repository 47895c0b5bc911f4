import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passageId } from '../../src/text/passageId.js';
import { countTokens, paragraphSpans, segmentDocument } from '../../src/text/segment.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Passage, Span } from '../../src/types.js';
import { Rng } from '../../src/util/prng.js';

interface Bounds {
  minWords: number;
  maxWords: number;
}

const DEFAULTS: Bounds = { minWords: 40, maxWords: 120 };

/** A sentence of exactly `n` words, distinct per `tag`. */
function sentence(n: number, tag: string): string {
  const words = Array.from({ length: n }, (_, i) => (i === 0 ? `Sentence${tag}` : `w${i}`));
  return `${words.join(' ')}.`;
}

function paragraph(sizes: number[], tag: string): string {
  return sizes.map((n, i) => sentence(n, `${tag}x${i}`)).join(' ');
}

function checkInvariants(text: string, passages: Passage[], bounds: Bounds = DEFAULTS): void {
  const expected: Span[] = paragraphSpans(text).flatMap((p) => splitSentences(text, p.start, p.end));
  const seen: Span[] = [];
  const ids = new Set<string>();
  let previousEnd = 0;
  passages.forEach((passage, i) => {
    assert.equal(passage.ordinal, i);
    assert.equal(passage.text, text.slice(passage.start, passage.end));
    assert.ok(passage.start >= previousEnd, 'ordered, no overlap');
    previousEnd = passage.end;
    assert.equal(passage.sentences[0]?.start, 0, 'starts at its first sentence');
    assert.equal(passage.sentences.at(-1)?.end, passage.text.length, 'ends at its last sentence');
    for (const s of passage.sentences)
      seen.push({ start: s.start + passage.start, end: s.end + passage.start });
    const words = countTokens(passage.text);
    if (passage.sentences.length > 1) assert.ok(words <= bounds.maxWords, `passage ${i} has ${words} words`);
    if (words < bounds.minWords) {
      // Short only when neither neighbour had room for it.
      for (const neighbour of [passages[i - 1], passages[i + 1]]) {
        if (neighbour)
          assert.ok(countTokens(neighbour.text) + words > bounds.maxWords, `passage ${i} is short`);
      }
    }
    assert.ok(!ids.has(passage.id), 'ids are unique within a document');
    ids.add(passage.id);
    assert.equal(passage.prev, passages[i - 1]?.id ?? null);
    assert.equal(passage.next, passages[i + 1]?.id ?? null);
  });
  assert.deepEqual(seen, expected, 'every sentence in exactly one passage, in order');
}

test('countTokens counts whitespace-separated tokens', () => {
  assert.equal(countTokens(''), 0);
  assert.equal(countTokens('  one\ttwo\nthree  – four\u00a0five '), 6);
  assert.equal(countTokens('abc def ghi', 2, 9), 3);
});

test('paragraphSpans splits at blank lines and trims', () => {
  const text = '  Title\n\nFirst line\nsecond line\n \t\n\n Last ';
  assert.deepEqual(
    paragraphSpans(text).map((p) => text.slice(p.start, p.end)),
    ['Title', 'First line\nsecond line', 'Last'],
  );
});

test('passageId is short, stable, and depends on document, text and occurrence', () => {
  const id = passageId('doc', 'Some text.');
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.equal(passageId('doc', 'Some text.'), id);
  assert.notEqual(passageId('other', 'Some text.'), id);
  assert.notEqual(passageId('doc', 'Some text!'), id);
  assert.equal(passageId('doc', 'Some text.', 1), `${id}-1`);
});

test('a long paragraph is split into even passages of whole sentences', () => {
  const text = paragraph(Array<number>(13).fill(10), 'a');
  const passages = segmentDocument({ id: 'd', text });
  assert.equal(passages.length, 2);
  const sizes = passages.map((p) => countTokens(p.text));
  assert.ok(Math.abs(sizes[0]! - sizes[1]!) <= 10, `uneven: ${sizes}`);
  checkInvariants(text, passages);

  // 250 words: no tiny tail, every passage within bounds.
  const long = paragraph([30, 20, 25, 15, 30, 20, 10, 25, 30, 20, 25], 'b');
  const chunks = segmentDocument({ id: 'd', text: long });
  for (const p of chunks) {
    const n = countTokens(p.text);
    assert.ok(n >= 40 && n <= 120, `${n} words`);
  }
  checkInvariants(long, chunks);
});

test('a single sentence longer than maxWords is its own passage', () => {
  const text = paragraph([10, 50, 10], 'c');
  const passages = segmentDocument({ id: 'd', text }, { minWords: 15, maxWords: 30 });
  assert.deepEqual(
    passages.map((p) => p.sentences.length),
    [1, 1, 1],
  );
  assert.equal(countTokens(passages[1]!.text), 50);
  checkInvariants(text, passages, { minWords: 15, maxWords: 30 });
});

test('short paragraphs join until the passage reaches minWords, never beyond maxWords', () => {
  const text = [
    'Senior US Diplomat Aims to Bridge Differences',
    'By Charles Maynes August 26, 2020',
    paragraph([40, 45], 'p'),
    paragraph([10], 'q'),
    paragraph([12], 'r'),
    paragraph([15], 's'),
    paragraph([100], 't'),
  ].join('\n\n');
  const passages = segmentDocument({ id: 'd', text });
  assert.ok(passages[0]!.text.startsWith('Senior US Diplomat'));
  assert.ok(passages[0]!.text.includes('By Charles Maynes'));
  assert.ok(passages[0]!.text.endsWith(sentence(45, 'px1')));
  // 10 + 12 + 15 words: still short, but neither neighbour has room for it.
  assert.ok(passages[1]!.text.startsWith('Sentenceqx0'));
  assert.ok(passages[1]!.text.endsWith(sentence(15, 'sx0')));
  assert.equal(passages.length, 3);
  checkInvariants(text, passages);
});

test('a short last paragraph joins the passage before it', () => {
  const text = `${paragraph([50, 50], 'a')}\n\nReporting by AFP.`;
  const passages = segmentDocument({ id: 'd', text });
  assert.equal(passages.length, 1);
  assert.ok(passages[0]!.text.endsWith('Reporting by AFP.'));
  checkInvariants(text, passages);
});

// Seed 000 style: a headline, then one long paragraph with no line breaks.
const SEED_STYLE =
  'US Deputy Secretary of state will visit Russia to prevent Russian military intervention in Belarus\n\n' +
  'On August 9, the results of the presidential election in Belarus triggered a sustained storm. In recent days, the United States, Europe, Russia and other parties have been paying close attention to the development and changes of the situation, and have expressed their respective views. On August 22, Reuters quoted two sources as saying that US Deputy Secretary of state Stephen biegun is going to visit Russia and Lithuania for talks on the issue of Belarus. According to the source, the US side’s move is to find a peaceful solution to the election turmoil in Belarus. More importantly, we should avoid the occurrence of Russian military intervention in the issue of Belarus, so that the scene that happened in Crimea in 2014 will not happen again. According to a Reuters report, U.S. Deputy Secretary of state Bigan’s visit plans in the next few days show that the United States is trying to make itself play a “greater role” in the election turmoil in Belarus. But at present, regarding Bigan’s trip, a state Department spokesman said: “there is no itinerary to announce for the time being.” However, a former senior U.S. official, who asked not to be named, said on the 21st that Bigan was expected to leave for Russian capital Moscow and Lithuanian capital Vilnius in the next few days. On August 9, Lukashenko won 80.1% of the vote and was elected president of Belarus for the sixth time.';

test('a one-paragraph article is segmented within bounds, ids stable across runs', () => {
  const doc = { id: '000_0c7df2e152f7b165', text: SEED_STYLE };
  const first = segmentDocument(doc);
  const second = segmentDocument(doc);
  assert.deepEqual(second, first);
  assert.ok(first.length >= 3);
  assert.ok(first[0]!.text.startsWith('US Deputy Secretary'), 'the headline joins the first passage');
  checkInvariants(SEED_STYLE, first);
});

test('editing one sentence changes only its own passage id', () => {
  const paragraphs = ['a', 'b', 'c', 'd'].map((tag) => paragraph([25, 30], tag));
  const before = segmentDocument({ id: 'd', text: paragraphs.join('\n\n') });
  paragraphs[2] = paragraphs[2]!.replace('w7', 'changed');
  const after = segmentDocument({ id: 'd', text: paragraphs.join('\n\n') });
  assert.equal(before.length, 4);
  assert.equal(after.length, 4);
  assert.deepEqual(
    before.map((p, i) => p.id === after[i]!.id),
    [true, true, false, true],
  );
});

test('identical passages in one document get distinct ids', () => {
  const repeated = paragraph([25, 30], 'same');
  const text = [repeated, paragraph([60], 'other'), repeated].join('\n\n');
  const passages = segmentDocument({ id: 'd', text });
  assert.equal(passages.length, 3);
  assert.equal(passages[2]!.id, `${passages[0]!.id}-1`);
  checkInvariants(text, passages);
});

test('empty and blank documents have no passages', () => {
  assert.deepEqual(segmentDocument({ id: 'd', text: '' }), []);
  assert.deepEqual(segmentDocument({ id: 'd', text: ' \n\n \t' }), []);
  const tiny = segmentDocument({ id: 'd', text: 'Just one line' });
  assert.equal(tiny.length, 1);
  checkInvariants('Just one line', tiny);
});

test('property: invariants hold on generated documents', () => {
  const rng = new Rng(9);
  const random = () => rng.next();
  const vocabulary = [
    'Belarus',
    'the',
    'U.S.',
    'vote',
    'Mr.',
    '80.1%',
    'protest',
    '“said”',
    'Lukashenko',
    'and',
    ',',
  ];
  for (let round = 0; round < 150; round++) {
    const paragraphs: string[] = [];
    const paragraphCount = 1 + Math.floor(random() * 12);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const sentenceCount = 1 + Math.floor(random() * (random() < 0.2 ? 40 : 6));
      for (let s = 0; s < sentenceCount; s++) {
        const length = 1 + Math.floor(random() * (random() < 0.05 ? 200 : 35));
        const words = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
        sentences.push(`${random() < 0.5 ? 'The' : 'He'} ${words.join(' ')}${random() < 0.9 ? '.' : '?'}`);
      }
      paragraphs.push(sentences.join(random() < 0.1 ? '\n' : ' '));
    }
    const text = paragraphs.join(random() < 0.5 ? '\n\n' : '\n \n');
    const minWords = 10 + Math.floor(random() * 50);
    const bounds = { minWords, maxWords: minWords + 20 + Math.floor(random() * 100) };
    const passages = segmentDocument({ id: `doc${round}`, text }, bounds);
    checkInvariants(text, passages, bounds);
    assert.deepEqual(segmentDocument({ id: `doc${round}`, text }, bounds), passages);
  }
});
