import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarizeRecords } from '../../src/feedback/summarize.js';
import type { FeedbackRecord } from '../../src/state/feedbackRecord.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { spawnStateChild } from '../helpers/spawnStateChild.js';

async function tempDb(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-procs-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  return join(root, 'state.db');
}

test('a bot writing and a CLI reading and writing the same database at once: no busy error, nothing lost', async (t) => {
  const path = await tempDb(t);
  const parent = SqliteState.open({ path });
  t.after(() => parent.close());
  const WRITES = 5000;
  const child = spawnStateChild(['write', path, String(WRITES)]);
  await child.ready;
  const counts: number[] = [];
  let audits = 0;
  // Bounded: the child's own bound ends it, and so this loop, well within the test's time.
  for (let round = 0; round < 100_000 && !child.exited(); round++) {
    const records = await parent.feedback.list();
    counts.push(records.length);
    assert.equal(summarizeRecords(records).notFound.length, records.length, 'each read is whole');
    await parent.audit.record({ moderator: 'm', guildId: null, action: 'reindex', diff: { round } });
    audits++;
    await sleep(2);
  }
  assert.deepEqual(await child.result, { written: WRITES });
  t.diagnostic(`${counts.length} reads while the child wrote`);
  assert.ok(counts.length >= 2, 'the parent read while the child was writing');
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => a - b),
    'reads only ever see more',
  );
  assert.equal(await parent.feedback.count(), WRITES);
  assert.equal((await parent.audit.recent(1_000_000)).length, audits);
});

test('size: the database per 10,000 feedback records', async (t) => {
  const path = await tempDb(t);
  const state = SqliteState.open({ path });
  const ROWS = 10_000;
  const record = (i: number): FeedbackRecord => {
    const time = new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString();
    const member = (i * 7919).toString(16).padStart(12, '0').slice(-12);
    // A realistic mix: 60% votes on three citations, 25% "not found", 15% flags with a reason.
    if (i % 20 < 12)
      return {
        time,
        kind: 'vote',
        query: `Did Russia offer Lukashenko military help in August ${i}?`,
        key: `k${(i % 5000).toString(36).padStart(8, '0')}`,
        passageIds: [`${i}a1b2c3d4e5f6a7`, `${i}b1b2c3d4e5f6a7`, `${i}c1b2c3d4e5f6a7`],
        vote: i % 3 === 0 ? 'down' : 'up',
        member,
      };
    if (i % 20 < 17)
      return {
        time,
        kind: 'not_found',
        query: `What is the capital of country number ${i}?`,
        key: null,
        passageIds: [],
        member,
      };
    return {
      time,
      kind: 'flag',
      query: `Who won the election ${i}?`,
      key: `k${i.toString(36)}`,
      passageIds: [`${i}d1b2c3d4e5f6a7`],
      reason: 'The date in this passage is wrong; the protest was on the 9th, not the 10th.',
      member,
    };
  };
  const started = performance.now();
  for (let i = 0; i < ROWS; i++) await state.feedback.append(record(i));
  const ms = performance.now() - started;
  state.db.pragma('wal_checkpoint(TRUNCATE)');
  await state.close();
  const bytes = (await stat(path)).size;
  t.diagnostic(
    `${ROWS} feedback records: ${(bytes / 1024 / 1024).toFixed(2)} MB on disk, ${Math.round(ms)} ms to write one by one`,
  );
  assert.ok(bytes < 10 * 1024 * 1024, `${bytes} bytes for ${ROWS} records`);
});
