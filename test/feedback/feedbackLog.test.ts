import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeedbackLog } from '../../src/feedback/feedbackLog.js';
import { cleanReason, parseFeedbackLine, REASON_MAX } from '../../src/state/feedbackRecord.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const TIME = new Date('2024-05-01T12:00:00.000Z');

function memoryState(t: { after(fn: () => Promise<void>): void }) {
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  return state;
}

test('records each vote, flag and "not found" in the feedback store, with its time', async (t) => {
  const state = memoryState(t);
  const { logger, lines: warnings } = recordingLogger();
  const log = new FeedbackLog(state.feedback, logger, () => TIME);
  await log.append({ kind: 'vote', query: 'Q?', key: 'abc', passageIds: ['p1'], vote: 'up', member: 'm1' });
  await log.append({ kind: 'not_found', query: 'Gap?', key: null, passageIds: [], member: 'm2' });
  assert.deepEqual(await state.feedback.list(), [
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
  ]);
  assert.deepEqual(warnings, []);
});

test('concurrent appends are recorded one after another, whole and in call order', async (t) => {
  const state = memoryState(t);
  const log = new FeedbackLog(state.feedback, recordingLogger().logger);
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
  const records = await state.feedback.list();
  assert.equal(records.length, 200);
  records.forEach((record, i) => {
    assert.equal(record.query, `question ${i}`);
    assert.equal(record.reason, reason);
  });
});

test('a write failure is logged as a warning, never thrown, and later appends still work', async (t) => {
  const state = memoryState(t);
  let broken = true;
  const flaky = {
    append: (record: Parameters<typeof state.feedback.append>[0]) =>
      broken ? Promise.reject(new Error('database is locked')) : state.feedback.append(record),
  };
  const { logger, lines: warnings } = recordingLogger();
  const log = new FeedbackLog(flaky, logger);
  await log.append({ kind: 'vote', query: null, key: 'k', passageIds: [], vote: 'down', member: 'm' });
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.msg, 'could not record feedback');
  assert.equal((warnings[0]?.obj as { kind?: string } | undefined)?.kind, 'vote');

  broken = false;
  await log.append({ kind: 'vote', query: null, key: 'k', passageIds: [], vote: 'up', member: 'm' });
  assert.equal(warnings.length, 1, 'the chain goes on after a failure');
  assert.deepEqual(
    (await state.feedback.list()).map((r) => r.vote),
    ['up'],
  );
});

test('a closed database is a logged failure too, not an exception', async (t) => {
  const state = memoryState(t);
  const { logger, lines: warnings } = recordingLogger();
  const log = new FeedbackLog(state.feedback, logger);
  await state.close();
  await log.append({ kind: 'not_found', query: 'Q?', key: null, passageIds: [], member: 'm' });
  assert.deepEqual(
    warnings.map((w) => w.msg),
    ['could not record feedback'],
  );
});

test('reasons and questions are stored verbatim but capped', async (t) => {
  const state = memoryState(t);
  const log = new FeedbackLog(state.feedback, recordingLogger().logger);
  const hostile = '@everyone <@123> [x](https://y.example) **bold**';
  await log.append({
    kind: 'flag',
    query: 'q'.repeat(5000),
    key: 'k',
    passageIds: ['p'],
    reason: `${hostile}${'z'.repeat(1000)}`,
    member: 'm',
  });
  const [record] = await state.feedback.list();
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
