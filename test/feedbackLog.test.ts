import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FEEDBACK_FILE, FeedbackLog } from '../src/feedback/feedbackLog.js';
import { cleanReason, parseFeedbackLine, REASON_MAX } from '../src/feedback/feedbackRecord.js';
import { recordingLogger } from './helpers/recordingLogger.js';

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'crisis-desk-feedback-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

const TIME = new Date('2024-05-01T12:00:00.000Z');

test('appends one JSON line per record, creating the data folder when it is missing', async () => {
  const dataDir = join(root, 'missing', 'nested', 'data');
  const { logger, lines: warnings } = recordingLogger();
  const log = new FeedbackLog(dataDir, logger, () => TIME);
  assert.equal(log.path, join(dataDir, FEEDBACK_FILE));
  await log.append({ kind: 'vote', query: 'Q?', key: 'abc', passageIds: ['p1'], vote: 'up', member: 'm1' });
  await log.append({ kind: 'not_found', query: 'Gap?', key: null, passageIds: [], member: 'm2' });
  const lines = (await readFile(log.path, 'utf8')).split('\n');
  assert.equal(lines.pop(), '', 'each line ends with a newline');
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    [
      {
        time: TIME.toISOString(),
        kind: 'vote',
        query: 'Q?',
        key: 'abc',
        passageIds: ['p1'],
        vote: 'up',
        member: 'm1',
      },
      { time: TIME.toISOString(), kind: 'not_found', query: 'Gap?', key: null, passageIds: [], member: 'm2' },
    ],
  );
  assert.deepEqual(warnings, []);
});

test('concurrent appends are written one after another, whole and in call order', async () => {
  const dataDir = join(root, 'concurrent');
  const log = new FeedbackLog(dataDir, recordingLogger().logger);
  const reason = 'x'.repeat(REASON_MAX);
  await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      log.append({
        kind: 'flag',
        query: `question ${i}`,
        key: 'k',
        passageIds: [`p${i}`],
        reason,
        member: 'm',
      }),
    ),
  );
  const lines = (await readFile(log.path, 'utf8')).trimEnd().split('\n');
  assert.equal(lines.length, 200);
  lines.forEach((line, i) => {
    const record = parseFeedbackLine(line);
    assert.ok(record, `line ${i} is a whole record`);
    assert.equal(record.query, `question ${i}`);
  });
});

test('a write failure is logged as a warning, never thrown, and later appends still work', async () => {
  const blocked = join(root, 'blocked');
  await writeFile(blocked, 'a file where the data folder should be');
  const { logger, lines: warnings } = recordingLogger();
  const log = new FeedbackLog(join(blocked, 'data'), logger);
  await log.append({ kind: 'vote', query: null, key: 'k', passageIds: [], vote: 'down', member: 'm' });
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.msg, 'could not record feedback');
  assert.equal((warnings[0]?.obj as { kind?: string } | undefined)?.kind, 'vote');

  await rm(blocked);
  await log.append({ kind: 'vote', query: null, key: 'k', passageIds: [], vote: 'up', member: 'm' });
  assert.equal(warnings.length, 1, 'the chain goes on after a failure');
  assert.equal((await readFile(log.path, 'utf8')).trimEnd().split('\n').length, 1);
});

test('reasons and questions are stored verbatim but capped', async () => {
  const log = new FeedbackLog(join(root, 'capped'), recordingLogger().logger);
  const hostile = '@everyone <@123> [x](https://y.example) **bold**';
  await log.append({
    kind: 'flag',
    query: 'q'.repeat(5000),
    key: 'k',
    passageIds: ['p'],
    reason: `${hostile}${'z'.repeat(1000)}`,
    member: 'm',
  });
  const record = parseFeedbackLine((await readFile(log.path, 'utf8')).trimEnd());
  assert.ok(record);
  assert.equal(record.query?.length, 1000);
  assert.equal(record.reason?.length, REASON_MAX);
  assert.ok(record.reason?.startsWith(hostile), 'stored as written, not escaped');
});

test('cleanReason trims, caps without splitting a surrogate pair, and makes blank null', () => {
  assert.equal(cleanReason('  wrong date \n'), 'wrong date');
  assert.equal(cleanReason('   '), null);
  assert.equal(cleanReason(''), null);
  assert.equal(cleanReason(null), null);
  const emoji = `${'a'.repeat(REASON_MAX - 1)}😀`;
  assert.equal(cleanReason(emoji), 'a'.repeat(REASON_MAX - 1));
});

test('parseFeedbackLine accepts records and refuses anything else', () => {
  const good = { time: 't', kind: 'vote', query: null, key: 'k', passageIds: [], vote: 'up', member: 'm' };
  assert.deepEqual(parseFeedbackLine(JSON.stringify(good)), good);
  for (const bad of [
    '{"time":"t","kind":"vote"',
    '[]',
    'null',
    JSON.stringify({ ...good, kind: 'praise' }),
    JSON.stringify({ ...good, vote: 'sideways' }),
    JSON.stringify({ ...good, passageIds: [1] }),
    JSON.stringify({ ...good, member: undefined }),
    JSON.stringify({ ...good, query: 5 }),
    JSON.stringify({ ...good, kind: 'flag', reason: 7 }),
  ])
    assert.equal(parseFeedbackLine(bad), null, bad);
});
