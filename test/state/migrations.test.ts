import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { summarizeRecords } from '../../src/feedback/summarize.js';
import { StateError } from '../../src/state/errors.js';
import { MIGRATIONS } from '../../src/state/migrations/index.js';
import type { Migration } from '../../src/state/migrations/migration.js';
import { BUSY_TIMEOUT_MS, MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-state-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const tables = (db: Database.Database) =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).sort();

const versions = (db: Database.Database) =>
  db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];

const ALL = MIGRATIONS.map((m) => m.version);

test('an empty database gets every migration in order, in WAL mode, with foreign keys and a busy timeout', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const state = SqliteState.open({ path });
  t.after(() => state.close());
  assert.deepEqual(state.migration, { from: 0, to: ALL.length, applied: ALL });
  assert.deepEqual(versions(state.db), ALL);
  assert.deepEqual(tables(state.db), [
    'audit_log',
    'feed_items',
    'feedback',
    'feedback_imports',
    'feeds',
    'gap_mentions',
    'gap_questions',
    'gap_subscriptions',
    'review_items',
    'schema_migrations',
  ]);
  assert.equal(state.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(state.db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(state.db.pragma('busy_timeout', { simple: true }), BUSY_TIMEOUT_MS);
});

test('opening again applies nothing and keeps the data', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const first = SqliteState.open({ path });
  await first.audit.record({ moderator: 'm', guildId: null, action: 'reindex', diff: { added: 1 } });
  await first.close();
  const again = SqliteState.open({ path });
  t.after(() => again.close());
  assert.deepEqual(again.migration, { from: ALL.length, to: ALL.length, applied: [] });
  assert.deepEqual(versions(again.db), ALL);
  assert.equal((await again.audit.recent(5)).length, 1);
});

test('an older database is brought up to date with its data kept', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const old = SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 1) });
  await old.feedback.append({
    time: 't',
    kind: 'not_found',
    query: 'Q?',
    key: null,
    passageIds: [],
    member: 'm',
  });
  assert.deepEqual(tables(old.db), ['feedback', 'feedback_imports', 'schema_migrations']);
  await old.close();

  const state = SqliteState.open({ path });
  t.after(() => state.close());
  assert.deepEqual(state.migration, { from: 1, to: ALL.length, applied: ALL.slice(1) });
  assert.equal(await state.feedback.count(), 1);
  const id = await state.gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'm' });
  assert.equal((await state.gaps.pending())[0]?.id, id, 'the new tables work');
});

test('a database from newer code is refused with a clear message, and left as it was', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const newer: Migration = {
    version: ALL.length + 1,
    name: 'future',
    up: (db) => db.exec('CREATE TABLE future (x)'),
  };
  await SqliteState.open({ path, migrations: [...MIGRATIONS, newer] }).close();
  assert.throws(
    () => SqliteState.open({ path }),
    (error: unknown) =>
      error instanceof StateError &&
      error.message ===
        `${path} has schema version ${ALL.length + 1}, newer than this version of crisis-desk knows (${ALL.length}); run the newer crisis-desk, or restore a backup of the database made before it`,
  );
  const db = new Database(path);
  assert.deepEqual(versions(db), [...ALL, ALL.length + 1]);
  db.close();
});

test('a migration that fails leaves the database at the version it had', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  await SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 1) }).close();
  const broken: Migration = {
    version: 2,
    name: 'broken',
    up(db) {
      db.exec('CREATE TABLE half_done (x)');
      throw new Error('disk full');
    },
  };
  assert.throws(
    () => SqliteState.open({ path, migrations: [MIGRATIONS[0] as Migration, broken] }),
    /disk full/,
  );
  const db = new Database(path);
  t.after(() => db.close());
  assert.deepEqual(versions(db), [1]);
  assert.ok(!tables(db).includes('half_done'), 'rolled back');
});

test('migrations numbered out of order are a programming error, caught before anything runs', () => {
  const skipped = [MIGRATIONS[0] as Migration, MIGRATIONS[2] as Migration];
  assert.throws(() => SqliteState.open({ path: MEMORY, migrations: skipped }), /numbered 3, expected 2/);
});

test('a file that is not a database is refused with the reason', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  await writeFile(path, 'this is not a database, it is a shopping list\n'.repeat(100));
  assert.throws(
    () => SqliteState.open({ path }),
    (error: unknown) =>
      error instanceof StateError && error.message.startsWith(`cannot open the state database ${path}: `),
  );
});

test('an in-memory state works without a file (for tests)', async () => {
  const state = SqliteState.open({ path: MEMORY });
  assert.equal(state.location, MEMORY);
  assert.deepEqual(state.migration.applied, ALL);
  await state.close();
  await state.close();
});

test('a miss kept twice by an older version is counted once: its not_found twin goes, older misses stay', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const old = SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 4) });
  const miss = (member: string, query: string, time: string) =>
    old.feedback.append({ time, kind: 'not_found', query, key: null, passageIds: [], member });
  // Kept twice: the gap question, then the feedback row once the reply went out.
  await old.gaps.recordUnanswered(
    { groupKey: 'g', query: 'Capital?', member: 'ha' },
    new Date('2024-05-01T12:00:00.000Z'),
  );
  await miss('ha', 'Capital?', '2024-05-01T12:00:00.250Z');
  // From before the gaps table, from another member, and a day after the gap question.
  await miss('ha', 'Old?', '2020-01-01T00:00:00.000Z');
  await miss('hb', 'Capital?', '2024-05-01T12:00:01.000Z');
  await miss('ha', 'Capital?', '2024-05-02T12:00:00.000Z');
  await old.feedback.append({
    time: '2024-05-01T12:00:02.000Z',
    kind: 'vote',
    query: 'Capital?',
    key: 'k',
    passageIds: [],
    vote: 'down',
    member: 'ha',
  });
  await old.close();

  const state = SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 5) });
  t.after(() => state.close());
  assert.deepEqual(state.migration.applied, ALL.slice(4, 5), 'migration 5');
  assert.deepEqual(
    (await state.feedback.list()).map((r) => [r.kind, r.member, r.query, r.time]),
    [
      ['not_found', 'ha', 'Old?', '2020-01-01T00:00:00.000Z'],
      ['not_found', 'hb', 'Capital?', '2024-05-01T12:00:01.000Z'],
      ['not_found', 'ha', 'Capital?', '2024-05-02T12:00:00.000Z'],
      ['vote', 'ha', 'Capital?', '2024-05-01T12:00:02.000Z'],
    ],
  );
  const summary = summarizeRecords(await state.feedback.list(), 0, await state.gaps.asked());
  assert.deepEqual(
    summary.notFound.map((q) => [q.query, q.count]),
    [
      ['Capital?', 3],
      ['Old?', 1],
    ],
  );
  assert.equal(summary.records, 5);
});

test('a version 5 database gets the feed intake columns; its feeds and review items stay as they were', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const old = SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 5) });
  // Written as version 5 wrote them (today's stores read the new columns).
  old.db
    .prepare(
      "INSERT INTO feeds (id, url, name, added_at) VALUES (1, 'https://news.example/rss', 'News', 'T0')",
    )
    .run();
  old.db
    .prepare(
      `INSERT INTO review_items (feed_id, item_key, url, preview, created_at)
       VALUES (1, 'g1', 'https://news.example/1', '{"title":"T"}', 'T0')`,
    )
    .run();
  await old.close();

  const state = SqliteState.open({ path });
  t.after(() => state.close());
  assert.ok(state.migration.applied.includes(6));
  assert.deepEqual([(await state.feeds.get(1))?.pausedAt, await state.feeds.skipped(1)], [null, []]);
  assert.deepEqual(await state.reviews.pendingKeys(), [
    { id: 1, feedId: 1, url: 'https://news.example/1', title: 'T', textKey: null },
  ]);
  assert.deepEqual(await state.reviews.waiting(1), { feed: 1, all: 1 });
});

test('version 8 drops the raw moderator ids a version 7 review queue kept; decisions and items stay', async (t) => {
  const path = join(await tempDir(t), 'state.db');
  const old = SqliteState.open({ path, migrations: MIGRATIONS.slice(0, 7) });
  old.db
    .prepare(
      `INSERT INTO review_items (item_key, url, preview, status, decided_by, decided_at, created_at)
       VALUES ('g1', 'https://news.example/1', '{"title":"T"}', 'approved', '123456789012345678', 'T1', 'T0')`,
    )
    .run();
  await old.close();

  const state = SqliteState.open({ path });
  t.after(() => state.close());
  assert.ok(state.migration.applied.includes(8));
  const item = await state.reviews.get(1);
  assert.deepEqual([item?.status, item?.decidedBy, item?.decidedAt], ['approved', null, 'T1']);
});
