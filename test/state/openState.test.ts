import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../../harness/freePort.js';
import { StateError, StateUnavailableError } from '../../src/state/errors.js';
import { openState, statePath } from '../../src/state/openState.js';
import { PG_MIGRATIONS } from '../../src/state/postgres/migrations/index.js';
import { PgState } from '../../src/state/postgres/pgState.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { testPostgres } from '../helpers/stateBackends.js';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-open-'));
  t.after(async () => {
    try {
      execFileSync('chattr', ['-i', join(dir, 'state.db')], { stdio: 'ignore' });
    } catch {}
    await chmod(dir, 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Makes a file read-only even for root when chattr can (the case), else by its mode. */
function makeReadOnly(path: string): void {
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
  } catch {
    execFileSync('chmod', ['0444', path]);
  }
}

test('with DATABASE_URL every store is in PostgreSQL and nothing is written to state.db', async (t) => {
  const dataDir = await tempDir(t);
  const url = await (await testPostgres()).createDatabase('open');
  const { state } = await openState({ dataDir, databaseUrl: url });
  t.after(() => state.close());
  assert.ok(state instanceof PgState);
  assert.match(state.location, /^PostgreSQL 127\.0\.0\.1:\d+\/open_/);
  assert.doesNotMatch(state.location, /crisis-desk-test/, 'no password in messages');
  await state.gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'ha' });
  await state.feedback.append({
    time: 't',
    kind: 'vote',
    query: 'Q',
    key: 'k',
    passageIds: [],
    vote: 'up',
    member: 'ha',
  });
  assert.deepEqual(await readdir(dataDir), []);
});

test('replicas starting at once migrate once; a database of a newer schema is refused in one line', async (t) => {
  const url = await (await testPostgres()).createDatabase('migrate');
  const opened = await Promise.all([PgState.open({ url }), PgState.open({ url }), PgState.open({ url })]);
  t.after(() => Promise.all(opened.map((s) => s.close())));
  assert.deepEqual(
    opened.map((s) => s.migration.applied.length).sort(),
    [0, 0, PG_MIGRATIONS.length],
    'one of them ran the migrations, the others found them done',
  );
  await opened[0]?.pool.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");
  await assert.rejects(PgState.open({ url }), (error: Error) => {
    assert.ok(error instanceof StateError);
    assert.match(error.message, /has schema version 99, newer than this version of crisis-desk knows/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
});

test('an unreachable or read-only PostgreSQL is refused at start in one line, the password never shown', async (t) => {
  const port = await freePort();
  await assert.rejects(
    openState({ dataDir: await tempDir(t), databaseUrl: `postgres://bot:s3cret@127.0.0.1:${port}/x` }),
    (error: Error) => {
      assert.ok(error instanceof StateError);
      assert.match(
        error.message,
        new RegExp(`^cannot use the state database PostgreSQL 127\\.0\\.0\\.1:${port}/x: .*ECONNREFUSED`),
      );
      assert.doesNotMatch(error.message, /s3cret|\n/);
      return true;
    },
  );
  const pg = await testPostgres();
  const url = await pg.createDatabase('readonly');
  const name = new URL(url).pathname.slice(1);
  const admin = await PgState.open({ url: pg.url('postgres'), migrations: [] });
  t.after(() => admin.close());
  await admin.pool.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
  await assert.rejects(PgState.open({ url }), /is read-only .*point DATABASE_URL at the primary/);
});

test('a PostgreSQL that goes down later fails requests with StateUnavailableError, and they work again when it returns', async (t) => {
  const pg = await testPostgres();
  const state = await PgState.open({ url: await pg.createDatabase('down') });
  t.after(() => state.close());
  await state.gaps.recordUnanswered({ groupKey: 'g', query: 'Before?', member: 'ha' });
  await pg.down();
  try {
    await assert.rejects(state.ping(), StateUnavailableError);
    await assert.rejects(
      state.gaps.recordUnanswered({ groupKey: 'g', query: 'During?', member: 'ha' }),
      StateUnavailableError,
    );
  } finally {
    await pg.up();
  }
  await state.ping();
  await state.gaps.recordUnanswered({ groupKey: 'g', query: 'After?', member: 'ha' });
  assert.deepEqual(
    (await state.gaps.pending()).map((q) => q.query),
    ['Before?', 'After?'],
  );
});

test('a SQLite state.db that cannot be written is refused at start in one line, not after votes are lost', async (t) => {
  const dataDir = await tempDir(t);
  (await openState({ dataDir, databaseUrl: null })).state.close();
  makeReadOnly(statePath(dataDir));
  await assert.rejects(openState({ dataDir, databaseUrl: null }), (error: Error) => {
    assert.ok(error instanceof StateError);
    assert.match(
      error.message,
      /state\.db cannot be written \(.+\): votes, gaps and feeds would be lost; make the file and DATA_DIR writable/,
    );
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
});

test('a damaged SQLite state.db is refused at start, not on first use', async (t) => {
  const dataDir = await tempDir(t);
  const path = statePath(dataDir);
  const state = SqliteState.open({ path });
  for (let i = 0; i < 300; i++)
    await state.gaps.recordUnanswered({ groupKey: `g${i}`, query: 'Q'.repeat(200), member: 'ha' });
  state.db.pragma('wal_checkpoint(TRUNCATE)');
  await state.close();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  bytes.fill(0x5a, 4096 * 3, 4096 * 5); // two pages of the table overwritten
  await writeFile(path, bytes);
  await assert.rejects(
    openState({ dataDir, databaseUrl: null }),
    /state\.db is damaged \(.+\); restore a backup, or move it away/,
  );
});
