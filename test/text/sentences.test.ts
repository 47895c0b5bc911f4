import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SENTENCE_WORDS, splitSentences } from '../../src/text/sentences.js';
import type { Span } from '../../src/types.js';
import { Rng } from '../../src/util/prng.js';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Every non-space character of [from, to) lies in exactly one sentence; sentences are trimmed and in order. */
function assertCoverage(text: string, spans: Span[], from = 0, to = text.length): void {
  let previousEnd = from;
  for (const span of spans) {
    assert.ok(span.start >= previousEnd && span.start < span.end && span.end <= to, 'ordered, non-empty');
    assert.match(text.charAt(span.start), /\S/, 'trimmed at the start');
    assert.match(text.charAt(span.end - 1), /\S/, 'trimmed at the end');
    assert.doesNotMatch(text.slice(previousEnd, span.start), /\S/, 'no text skipped');
    previousEnd = span.end;
  }
  assert.doesNotMatch(text.slice(previousEnd, to), /\S/, 'no text skipped at the end');
}

// From seed 000: one ~900-word paragraph with no line breaks at all.
const ONE_PARAGRAPH =
  'On August 9, the results of the presidential election in Belarus triggered a sustained storm. ' +
  'According to a Reuters report, U.S. Deputy Secretary of state Bigan’s visit plans in the next few days show that the United States is trying to make itself play a “greater role” in the election turmoil in Belarus. ' +
  'But at present, regarding Bigan’s trip, a state Department spokesman said: “there is no itinerary to announce for the time being.” ' +
  'However, a former senior U.S. official, who asked not to be named, said on the 21st that Bigan was expected to leave for Russian capital Moscow and Lithuanian capital Vilnius in the next few days. ' +
  'On August 9, Lukashenko won 80.1% of the vote and was elected president of Belarus for the sixth time. ' +
  '“I suspect that the U.S. government is trying to prevent Russia from intervening in this matter,” the source said';

test('a document with no line breaks splits at its full stops', () => {
  const sentences = split(ONE_PARAGRAPH);
  assert.equal(sentences.length, 6);
  assert.equal(
    sentences[0],
    'On August 9, the results of the presidential election in Belarus triggered a sustained storm.',
  );
  assert.ok(sentences[1]?.startsWith('According to a Reuters report, U.S. Deputy Secretary'));
  assert.ok(sentences[2]?.endsWith('for the time being.”'));
  assert.equal(
    sentences[4],
    'On August 9, Lukashenko won 80.1% of the vote and was elected president of Belarus for the sixth time.',
  );
  assert.ok(sentences[5]?.endsWith('the source said'));
  assertCoverage(ONE_PARAGRAPH, splitSentences(ONE_PARAGRAPH));
});

test('titles and other abbreviations do not end sentences', () => {
  assert.deepEqual(
    split('Mr. Biegun met Gen. Khrenin and Dr. Smith in St. Petersburg on Aug. 9. The talks went on.'),
    ['Mr. Biegun met Gen. Khrenin and Dr. Smith in St. Petersburg on Aug. 9.', 'The talks went on.'],
  );
  assert.deepEqual(
    split(
      'Officials of the U.K., the U.N. and the E.U. met on Sept. 3, e.g. in Minsk, i.e. the capital, vs. Kyiv.',
    ),
    [
      'Officials of the U.K., the U.N. and the E.U. met on Sept. 3, e.g. in Minsk, i.e. the capital, vs. Kyiv.',
    ],
  );
  assert.deepEqual(
    split('Mrs. Ms. Lt. Col. Sgt. Gov. Sen. Rep. Prof. No. 5 was there. So was Smith Jr. from Acme Inc.'),
    ['Mrs. Ms. Lt. Col. Sgt. Gov. Sen. Rep. Prof. No. 5 was there.', 'So was Smith Jr. from Acme Inc.'],
  );
  assert.deepEqual(
    split('The U.S. Deputy Secretary arrived on Jan. 5 with Acme Co. Ltd. Corp. Sr. Vice President Lee.'),
    ['The U.S. Deputy Secretary arrived on Jan. 5 with Acme Co. Ltd. Corp. Sr. Vice President Lee.'],
  );
});

test('an abbreviation before a common sentence starter ends the sentence', () => {
  assert.deepEqual(split('He flew to the U.S. The next day he left for the U.K. He came back on Dec. 3.'), [
    'He flew to the U.S.',
    'The next day he left for the U.K.',
    'He came back on Dec. 3.',
  ]);
  assert.deepEqual(split('She worked for Acme Inc. But she quit in Oct. In Minsk, etc. They met.'), [
    'She worked for Acme Inc.',
    'But she quit in Oct.',
    'In Minsk, etc.',
    'They met.',
  ]);
  // After a title even a sentence starter does not break: "St. The" is not a sentence end.
  assert.deepEqual(split('They met Gen. The Hon. Smith.'), ['They met Gen. The Hon. Smith.']);
  assert.deepEqual(split('He returned to the U.S. “We won,” he said.'), [
    'He returned to the U.S.',
    '“We won,” he said.',
  ]);
});

test('initials do not end sentences', () => {
  assert.deepEqual(
    split(
      'A. Lukashenko spoke. J. R. R. Tolkien wrote it. Under pressure from S. Cichanouskaja, J. A. Smith left.',
    ),
    [
      'A. Lukashenko spoke.',
      'J. R. R. Tolkien wrote it.',
      'Under pressure from S. Cichanouskaja, J. A. Smith left.',
    ],
  );
  assert.deepEqual(split('He lived in Washington, D.C. before 2020.'), [
    'He lived in Washington, D.C. before 2020.',
  ]);
});

test('a lower-case word after a full stop continues the sentence', () => {
  assert.deepEqual(
    split('This will be their first meeting since August 9. the people of Belarus rebelled. Then'),
    ['This will be their first meeting since August 9. the people of Belarus rebelled.', 'Then'],
  );
});

test('decimals, percentages, versions, times, URLs and e-mail addresses stay whole', () => {
  assert.deepEqual(
    split(
      'Lukashenko won 80.1% of the vote. Turnout was 84.2 percent, or 3.5 million people, in version 1.2.3 at 10.30 local time. ' +
        'Source: https://www.rferl.org/a/russian-pm.html?x=1&y=2 has it. Write to press@rferl.org. Thanks.',
    ),
    [
      'Lukashenko won 80.1% of the vote.',
      'Turnout was 84.2 percent, or 3.5 million people, in version 1.2.3 at 10.30 local time.',
      'Source: https://www.rferl.org/a/russian-pm.html?x=1&y=2 has it.',
      'Write to press@rferl.org.',
      'Thanks.',
    ],
  );
  assert.deepEqual(split('In 2014. 2015 was calmer.'), ['In 2014.', '2015 was calmer.']);
});

test('ellipses, "?!" and "!!"', () => {
  assert.deepEqual(
    split(
      'Rockers, actors ... the peaceful rebellion went on. Wait… The crowd grew. Really?! Yes!! It did...',
    ),
    [
      'Rockers, actors ... the peaceful rebellion went on.',
      'Wait…',
      'The crowd grew.',
      'Really?!',
      'Yes!!',
      'It did...',
    ],
  );
  assert.deepEqual(split('"Why?" he asked. "Stop!" The crowd ran.'), [
    '"Why?" he asked.',
    '"Stop!"',
    'The crowd ran.',
  ]);
});

test('closing quotes and brackets belong to the sentence they close', () => {
  assert.deepEqual(split('He said: "It can get worse." Then he left.'), [
    'He said: "It can get worse."',
    'Then he left.',
  ]);
  assert.deepEqual(
    split(
      '“Belarus is very important,” said Mikhail Vinogradov, director of the St. Petersburg-based Political Foundation. ' +
        '“Putin does not want to be on the side of the losers.”',
    ),
    [
      '“Belarus is very important,” said Mikhail Vinogradov, director of the St. Petersburg-based Political Foundation.',
      '“Putin does not want to be on the side of the losers.”',
    ],
  );
  assert.deepEqual(
    split('She said ‘enough.’ He left. They chanted «Go away!» Police watched. (He left.) [End.] Done.'),
    [
      'She said ‘enough.’',
      'He left.',
      'They chanted «Go away!»',
      'Police watched.',
      '(He left.)',
      '[End.]',
      'Done.',
    ],
  );
});

test('a blank line ends a sentence; a single newline only after terminal punctuation', () => {
  const text =
    'Title without a stop\n\nThe first paragraph wraps\nover two lines without a stop\nand ends here. A second one.\n' +
    'A new line after a stop.\r\n  \r\nSo Lukashenko has turned to the\n\nusual enemy';
  assert.deepEqual(split(text), [
    'Title without a stop',
    'The first paragraph wraps\nover two lines without a stop\nand ends here.',
    'A second one.',
    'A new line after a stop.',
    'So Lukashenko has turned to the',
    'usual enemy',
  ]);
  assert.deepEqual(split('It ended.\nthen a new line began'), ['It ended.', 'then a new line began']);
  assert.deepEqual(split('Talks in the U.S.\nofficials said'), ['Talks in the U.S.\nofficials said']);
});

test('each bullet line is its own sentence', () => {
  const text =
    'Key facts:\n  • Lukashenko claimed 80.1%\n- Protests followed\n* Arrests. Many of them\n1. First item\n2) Second item\n' +
    'After the list the text goes on\nacross a line.';
  assert.deepEqual(split(text), [
    'Key facts:',
    '• Lukashenko claimed 80.1%',
    '- Protests followed',
    '* Arrests.',
    'Many of them',
    '1. First item',
    '2) Second item',
    'After the list the text goes on\nacross a line.',
  ]);
});

test('an over-long sentence is cut at a clause boundary, or else at a word boundary', () => {
  const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
  const clause = `${filler(70)}; ${filler(180, 70)}.`;
  const pieces = split(clause);
  assert.ok(pieces.length >= 3);
  assert.ok(pieces[0]?.endsWith('w69;'));
  for (const piece of pieces) assert.ok(words(piece) <= MAX_SENTENCE_WORDS);
  assertCoverage(clause, splitSentences(clause));

  const andClause = `${filler(80)}, and ${filler(69, 80)}`;
  assert.deepEqual(split(andClause), [`${filler(80)},`, `and ${filler(69, 80)}`]);

  const plain = filler(250);
  const cut = split(plain);
  assert.equal(cut.length, 3);
  for (const piece of cut) assert.ok(words(piece) >= 60 && words(piece) <= MAX_SENTENCE_WORDS);
  assertCoverage(plain, splitSentences(plain));
  assert.deepEqual(split(filler(MAX_SENTENCE_WORDS)), [filler(MAX_SENTENCE_WORDS)]);
});

test('a sub-range splits like the same text on its own', () => {
  const paragraph = 'He flew to the U.S. The next day he left. “It can get worse,” he said.';
  const text = `Header line.\n\n${paragraph}\n\nFooter.`;
  const from = text.indexOf(paragraph);
  const spans = splitSentences(text, from, from + paragraph.length);
  assert.deepEqual(
    spans.map((s) => ({ start: s.start - from, end: s.end - from })),
    splitSentences(paragraph),
  );
  assertCoverage(text, spans, from, from + paragraph.length);
  assert.deepEqual(splitSentences('   \n\n  '), []);
});

const PIECES = [
  'the',
  'Belarus',
  'U.S.',
  'Mr.',
  'A.',
  '80.1%',
  'vote',
  '“quoted',
  'text.”',
  'ends.',
  'Why?!',
  'wait…',
  '...',
  '(aside.)',
  'e.g.',
  'St.',
  'said:',
  ';',
  '–',
  ',',
  'and',
  'The',
  'He',
  '\n',
  '\n\n',
  '\n• ',
  '\n1. ',
  '  ',
  'https://x.org/a.b?c=d.',
  'Lukashenko',
  'won.',
  '"',
  "'",
  '’',
  '!',
  '?',
  '.',
];

test('property: sentences cover every non-space character exactly once, in order', () => {
  const rng = new Rng(2020);
  const random = () => rng.next();
  for (let round = 0; round < 300; round++) {
    const parts: string[] = [];
    const length = Math.floor(random() * 400);
    for (let i = 0; i < length; i++) {
      parts.push(PIECES[Math.floor(random() * PIECES.length)]!, random() < 0.8 ? ' ' : '');
    }
    const text = parts.join('');
    const from = Math.floor(random() * Math.min(20, text.length));
    const to = text.length - Math.floor(random() * Math.min(20, text.length - from));
    const spans = splitSentences(text, from, to);
    assertCoverage(text, spans, from, to);
    for (const span of spans) assert.ok(words(text.slice(span.start, span.end)) <= MAX_SENTENCE_WORDS);
  }
});
