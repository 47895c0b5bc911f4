import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSummary, terminalText } from '../../src/feedback/formatSummary.js';
import { labelPassages, summarizeFeedback, summarizeRecords } from '../../src/feedback/summarize.js';
import { type FeedbackRecord, parseFeedback } from '../../src/state/feedbackRecord.js';

let clock = 0;
function line(record: Omit<FeedbackRecord, 'time'> & { time?: string }): string {
  clock++;
  return JSON.stringify({ time: `2024-05-01T12:00:${String(clock).padStart(2, '0')}.000Z`, ...record });
}

const vote = (member: string, key: string | null, direction: 'up' | 'down', query: string | null = null) =>
  line({ kind: 'vote', query, key, passageIds: ['p1', 'p2'], vote: direction, member });
const flag = (member: string, passageId: string, reason: string | null = null, query: string | null = 'Q?') =>
  line({ kind: 'flag', query, key: 'k1', passageIds: [passageId], reason, member });
const notFound = (member: string, query: string) =>
  line({ kind: 'not_found', query, key: null, passageIds: [], member });

test('a member voting again on the same answer counts once, with the latest vote', () => {
  const text = [
    vote('alice', 'k1', 'down', 'Did Russia help?'),
    vote('alice', 'k1', 'up', 'Did Russia help?'),
    vote('bob', 'k1', 'up', 'Did Russia help?'),
    vote('carol', 'k2', 'up', 'Who won?'),
    vote('carol', 'k2', 'down', 'Who won?'),
    vote('alice', 'k2', 'down', 'Who won?'),
  ].join('\n');
  const summary = summarizeFeedback(text);
  assert.equal(summary.records, 6);
  assert.deepEqual(summary.votes, { up: 2, down: 2 });
  assert.deepEqual(summary.unhelpful, [{ query: 'Who won?', key: 'k2', up: 0, down: 2 }]);
});

test('a vote after the question expired is still counted and takes its text from another record', () => {
  const text = [
    vote('alice', 'k9', 'down', null),
    line({ kind: 'flag', query: 'What did the OSCE offer?', key: 'k9', passageIds: ['p'], member: 'bob' }),
    vote('bob', 'k8', 'down', null),
  ].join('\n');
  const { unhelpful } = summarizeFeedback(text);
  assert.deepEqual(unhelpful, [
    { query: 'What did the OSCE offer?', key: 'k9', up: 0, down: 1 },
    { query: null, key: 'k8', up: 0, down: 1 },
  ]);
});

test('flags are counted per passage, by members and in all, most-flagged first', () => {
  const text = [
    flag('alice', 'p1', 'wrong date'),
    flag('alice', 'p1', 'really, the date'),
    flag('bob', 'p2'),
    flag('carol', 'p2', 'out of context'),
    flag('dave', 'p3'),
  ].join('\n');
  const { flagged } = summarizeFeedback(text);
  assert.deepEqual(
    flagged.map((f) => [f.passageId, f.members, f.flags]),
    [
      ['p2', 2, 2],
      ['p1', 1, 2],
      ['p3', 1, 1],
    ],
  );
  assert.deepEqual(flagged[1]?.reasons, ['wrong date', 'really, the date']);
  assert.deepEqual(flagged[0]?.reasons, ['out of context']);
  assert.equal(flagged[0]?.passage, null, 'no label until the index is asked');
});

test('"not found" questions are grouped across case, accents and spacing, most asked first', () => {
  const text = [
    notFound('a', 'capital of Australia?'),
    notFound('b', 'Who is Nausėda?'),
    notFound('c', '  Capital   of australia? '),
    notFound('d', 'who is nauseda?'),
    notFound('e', 'Capital of Australia?'),
  ].join('\n');
  const { notFound: gaps } = summarizeFeedback(text);
  assert.deepEqual(
    gaps.map((g) => [g.count, g.query]),
    [
      [3, 'Capital of Australia?'],
      [2, 'who is nauseda?'],
    ],
  );
});

test('the misses the gaps table keeps are counted with the older "not found" records, and as records', () => {
  const { records } = parseFeedback(
    [notFound('a', 'capital of Australia?'), vote('b', 'k1', 'up', 'Who won?')].join('\n'),
  );
  const summary = summarizeRecords(records, 0, [
    { query: 'Capital of  Australia?', askedAt: '2024-06-01T00:00:00.000Z' },
    { query: 'Who is Nausėda?', askedAt: '2024-06-02T00:00:00.000Z' },
  ]);
  assert.equal(summary.records, 4);
  assert.deepEqual(
    summary.notFound.map((g) => [g.count, g.query, g.lastAsked]),
    [
      [2, 'Capital of Australia?', '2024-06-01T00:00:00.000Z'],
      [1, 'Who is Nausėda?', '2024-06-02T00:00:00.000Z'],
    ],
  );
});

test('malformed lines are counted and skipped; blank lines are neither', () => {
  const text = [
    vote('alice', 'k1', 'down', 'Q?'),
    '',
    '{"time":"2024-05-01T12:00:00Z","kind":"vote"',
    'not json at all',
    JSON.stringify({ time: 't', kind: 'praise', query: null, key: null, passageIds: [], member: 'm' }),
    '   ',
    notFound('bob', 'Gap?'),
    '',
  ].join('\r\n');
  const summary = summarizeFeedback(text);
  assert.equal(summary.records, 2);
  assert.equal(summary.malformed, 3);
  assert.equal(summary.unhelpful.length, 1);
  assert.equal(summary.notFound.length, 1);
});

test('an empty file summarises to nothing', () => {
  assert.deepEqual(summarizeFeedback(''), {
    records: 0,
    malformed: 0,
    votes: { up: 0, down: 0 },
    flagged: [],
    notFound: [],
    unhelpful: [],
  });
});

test('the printed summary has the three sections, labels where the index has the passage', () => {
  const text = [
    flag('alice', 'p1', 'Wrong \u001b[31mdate\u001b[0m'),
    flag('bob', 'gone'),
    notFound('carol', 'capital of Australia?'),
    vote('dave', 'k1', 'down', 'Did Russia help?'),
    'garbage',
  ].join('\n');
  const summary = labelPassages(summarizeFeedback(text), (id) =>
    id === 'p1'
      ? {
          documentId: 'doc-1',
          title: 'Russian PM in Minsk',
          outlet: 'RFE/RL',
          firstWords: 'The Russian prime …',
        }
      : null,
  );
  const out = formatSummary(summary, '/data/feedback.jsonl');
  assert.match(out, /^4 feedback records in \/data\/feedback\.jsonl \(1 malformed line skipped\)$/m);
  assert.match(out, /^Most-flagged passages$/m);
  assert.match(out, /^\s+1 {2}p1 {2}Russian PM in Minsk — RFE\/RL \(doc-1\): "The Russian prime …"$/m);
  assert.match(out, /latest reason: "Wrong \[31mdate \[0m"/, 'no escape sequence reaches the terminal');
  assert.ok(!out.includes('\u001b'));
  assert.match(out, /^\s+1 {2}gone {2}\(no longer in the saved index\)$/m);
  assert.match(out, /^Questions answered "not found"\n\s+1 {2}capital of Australia\?$/m);
  assert.match(
    out,
    /^Questions voted unhelpful\n\s+1 {2}Did Russia help\? {2}\(1 not helpful, 0 helpful\)$/m,
  );
  const unlabelled = formatSummary(summarizeFeedback(text), 'f', false);
  assert.match(unlabelled, /^Most-flagged passages \(no saved index: ids only\)\n\s+1 {2}gone$/m);
  const empty = formatSummary(summarizeFeedback(''), 'f');
  assert.equal(empty.match(/\(none\)/g)?.length, 3);
});

test('terminalText keeps member text to one harmless line', () => {
  assert.equal(terminalText('a\nb\tc\u202ed'), 'a b c d');
  assert.equal(terminalText('x'.repeat(300), 10), `${'x'.repeat(9)}…`);
});
