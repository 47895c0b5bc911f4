import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { LockLostError, ReindexBusyError } from '../../src/engine/errors.js';
import { pgIndexCoordination } from '../../src/engine/pgIndexCoordination.js';
import { silentLog } from '../../src/log/log.js';
import { PgLeadership } from '../../src/state/postgres/pgLeadership.js';
import { testPostgres } from '../helpers/stateBackends.js';
import { until } from '../helpers/until.js';

async function database(t: { after(fn: () => Promise<void>): void }) {
  const url = await (await testPostgres()).createDatabase('coord');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  t.after(() => admin.end());
  return { url, admin };
}

test('one writer at a time across processes: the other is told who holds the lock; it is free again after', async (t) => {
  const { url } = await database(t);
  const a = pgIndexCoordination(url, silentLog);
  const b = pgIndexCoordination(url, silentLog);
  let release!: () => void;
  const holding = a.withWriterLock(
    'reindex',
    () => new Promise<string>((resolve) => (release = () => resolve('a done'))),
  );
  await sleep(200);
  await assert.rejects(
    b.withWriterLock('rollback', async () => 'b'),
    (error: Error) => {
      assert.ok(error instanceof ReindexBusyError);
      assert.match(error.message, /another process is writing the index \(pid \d+, reindex, since /);
      return true;
    },
  );
  release();
  assert.equal(await holding, 'a done');
  assert.equal(await b.withWriterLock('rollback', async () => 'b'), 'b');
});

test('a writer whose session was ended loses the lock: its fence stops it before it saves', async (t) => {
  const { url, admin } = await database(t);
  const a = pgIndexCoordination(url, silentLog);
  await assert.rejects(
    a.withWriterLock('reindex', async (fence) => {
      await fence();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'crisis-desk index writer%'",
      );
      await sleep(100);
      await fence();
    }),
    LockLostError,
  );
  assert.equal(
    await pgIndexCoordination(url, silentLog).withWriterLock('reindex', async () => 'free'),
    'free',
  );
});

test('an announced generation reaches every listener, and again after its connection was cut', async (t) => {
  const { url, admin } = await database(t);
  const writer = pgIndexCoordination(url, silentLog);
  const follower = pgIndexCoordination(url, silentLog);
  t.after(() => follower.close());
  let heard = 0;
  follower.listen(() => heard++);
  await until('listening', async () => {
    const { rows } = await admin.query(
      "SELECT 1 FROM pg_stat_activity WHERE application_name = 'crisis-desk index listener'",
    );
    return rows.length > 0 ? true : undefined;
  });
  await writer.announce('g1');
  await until('the announcement', () => (heard >= 1 ? true : undefined), 3000);
  await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'crisis-desk index listener'",
  );
  const before = heard;
  await until('a catch-up when the connection was lost', () => (heard > before ? true : undefined), 3000);
  await until('listening again', async () => {
    const { rows } = await admin.query(
      "SELECT 1 FROM pg_stat_activity WHERE application_name = 'crisis-desk index listener'",
    );
    return rows.length > 0 ? true : undefined;
  });
  const again = heard;
  await writer.announce('g2');
  await until('the next announcement', () => (heard > again ? true : undefined), 3000);
});

const leaderBackend = async (admin: pg.Client) =>
  (
    await admin.query<{ pid: number }>(
      "SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objid = $1",
      [0x63640003],
    )
  ).rows[0]?.pid;

test('one leader among replicas; when it dies another takes over within the retry interval', async (t) => {
  const { url } = await database(t);
  const events: string[] = [];
  const replicas = ['a', 'b'].map((name) => {
    const leadership = new PgLeadership(url, silentLog, 100);
    leadership.start({ lead: () => events.push(`${name} leads`), lost: () => events.push(`${name} lost`) });
    return { name, leadership };
  });
  t.after(() => Promise.all(replicas.map((r) => r.leadership.stop())));
  await until('a leader', () => (events.length > 0 ? true : undefined), 3000);
  await sleep(400);
  assert.equal(events.length, 1, `exactly one leads: ${events.join(', ')}`);
  const leader = replicas.find((r) => events[0] === `${r.name} leads`);
  const other = replicas.find((r) => r !== leader);
  assert.ok(leader && other);
  // The process dies: its session with it.
  await leader.leadership.stop();
  await until('the takeover', () => (events.includes(`${other.name} leads`) ? true : undefined), 3000);
  assert.equal(other.leadership.leading, true);
});

test('a leader whose connection is cut stops its jobs, and leads again once it holds the lock again', async (t) => {
  const { url, admin } = await database(t);
  const events: string[] = [];
  const leadership = new PgLeadership(url, silentLog, 100);
  leadership.start({ lead: () => events.push('leads'), lost: () => events.push('lost') });
  t.after(() => leadership.stop());
  await until('leading', () => (leadership.leading ? true : undefined), 3000);
  await admin.query('SELECT pg_terminate_backend($1)', [await leaderBackend(admin)]);
  await until('leading again', () => (events.length >= 3 ? true : undefined), 3000);
  assert.deepEqual(events.slice(0, 3), ['leads', 'lost', 'leads']);
});
