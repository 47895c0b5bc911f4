import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliScript } from '../../harness/runCliScript.js';
import type { FeedbackRecord } from '../../src/state/feedbackRecord.js';
import { FEEDBACK_FILE, importFeedbackFile } from '../../src/state/importFeedbackFile.js';
import { MIGRATIONS } from '../../src/state/migrations/index.js';
import type { Migration } from '../../src/state/migrations/migration.js';
import { openState, STATE_FILE } from '../../src/state/openState.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';

async function dataDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-import-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'data');
  await mkdir(dir);
  return dir;
}

const vote: FeedbackRecord = {
  time: '2024-05-01T12:00:01.000Z',
  kind: 'vote',
  query: 'Did Russia help?',
  key: 'k1',
  passageIds: ['p1', 'p2'],
  vote: 'down',
  member: 'alice',
};
const flag: FeedbackRecord = {
  time: '2024-05-01T12:00:02.000Z',
  kind: 'flag',
  query: null,
  key: 'k2',
  passageIds: ['p3'],
  reason: null,
  member: 'bob',
};
const notFound: FeedbackRecord = {
  time: '2024-05-01T12:00:03.000Z',
  kind: 'not_found',
  query: 'Capital of Australia?',
  key: null,
  passageIds: [],
  member: 'carol',
};
const FILE = [
  JSON.stringify(vote),
  '{"time":"2024-05-01T12:00:00Z","kind":"vote"',
  '',
  JSON.stringify(flag),
  'not json at all',
  JSON.stringify(notFound),
  '',
].join('\n');

test('an old feedback.jsonl is imported at the first open: records kept in order, junk counted, file renamed', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const { state, imported } = await openState({
    dataDir: dir,
    databaseUrl: null,
    now: () => new Date('2024-06-01T00:00:00.000Z'),
  });
  t.after(() => state.close());
  assert.deepEqual(imported, { records: 3, skipped: 2, fresh: true, renamedTo: 'feedback.jsonl.imported' });
  assert.deepEqual(await state.feedback.list(), [vote, flag, notFound]);
  assert.deepEqual(await state.feedback.imports(), [
    {
      file: FEEDBACK_FILE,
      digest: createHash('sha256').update(FILE).digest('hex'),
      records: 3,
      skipped: 2,
      importedAt: '2024-06-01T00:00:00.000Z',
    },
  ]);
  assert.deepEqual(
    (await readdir(dir)).filter((f) => f.startsWith('feedback')),
    ['feedback.jsonl.imported'],
  );
  assert.equal(await readFile(join(dir, 'feedback.jsonl.imported'), 'utf8'), FILE, 'kept as it was');
});

test('no feedback.jsonl: nothing imported', async (t) => {
  const dir = await dataDir(t);
  const { state, imported } = await openState({ dataDir: dir, databaseUrl: null });
  t.after(() => state.close());
  assert.equal(imported, null);
  assert.equal(await state.feedback.count(), 0);
  assert.deepEqual(await readdir(dir), [STATE_FILE, `${STATE_FILE}-shm`, `${STATE_FILE}-wal`]);
});

test('the same file is never imported twice, even when it comes back after the import', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  await (await openState({ dataDir: dir, databaseUrl: null })).state.close();
  const reopened = await openState({ dataDir: dir, databaseUrl: null });
  assert.equal(reopened.imported, null, 'renamed: nothing to import on the next start');
  await reopened.state.close();

  // Restored from a backup: the digest knows it; it is only moved aside, next to the first.
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const { state, imported } = await openState({ dataDir: dir, databaseUrl: null });
  t.after(() => state.close());
  assert.deepEqual(imported, {
    records: 3,
    skipped: 2,
    fresh: false,
    renamedTo: 'feedback.jsonl.imported-2',
  });
  assert.equal(await state.feedback.count(), 3);
  assert.equal((await state.feedback.imports()).length, 1);
});

test('a crash between the commit and the renaming imports nothing twice', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const state = SqliteState.open({ path: join(dir, STATE_FILE) });
  t.after(() => state.close());
  assert.equal((await importFeedbackFile(state.feedback, dir))?.fresh, true);
  // As if the process had died after the commit, before the renaming: the file has its old name.
  await rename(join(dir, 'feedback.jsonl.imported'), join(dir, FEEDBACK_FILE));
  const again = await importFeedbackFile(state.feedback, dir);
  assert.deepEqual(again, { records: 3, skipped: 2, fresh: false, renamedTo: 'feedback.jsonl.imported' });
  assert.equal(await state.feedback.count(), 3);
});

test('an import that fails half-way keeps nothing and leaves the file to import at the next start', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const path = join(dir, STATE_FILE);
  const state = SqliteState.open({ path });
  // The third record fails, as a full disk would, after two rows went in.
  state.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.feedback WHEN NEW.kind = 'not_found'
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  await assert.rejects(importFeedbackFile(state.feedback, dir), /disk is full/);
  assert.equal(await state.feedback.count(), 0, 'the rows before the failure are rolled back');
  assert.deepEqual(await state.feedback.imports(), []);
  assert.equal(await readFile(join(dir, FEEDBACK_FILE), 'utf8'), FILE, 'the file is still there, unchanged');
  await state.close();

  const { state: next, imported } = await openState({ dataDir: dir, databaseUrl: null });
  t.after(() => next.close());
  assert.equal(imported?.records, 3);
  assert.deepEqual(await next.feedback.list(), [vote, flag, notFound]);
});

test('two connections opening at once import the file once', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const opened = await Promise.all([
    openState({ dataDir: dir, databaseUrl: null }),
    openState({ dataDir: dir, databaseUrl: null }),
  ]);
  t.after(() => Promise.all(opened.map((o) => o.state.close())));
  assert.deepEqual(opened.map((o) => o.imported?.fresh).sort(), [false, true]);
  assert.equal(await opened[0]?.state.feedback.count(), 3);
});

test('npm run feedback imports an old file left by the bot and reports its skipped lines', async (t) => {
  const dir = await dataDir(t);
  await writeFile(join(dir, FEEDBACK_FILE), FILE);
  const run = await runCliScript('feedbackCli.ts', [], {
    env: { DATA_DIR: dir, KNOWLEDGE_DIR: join(dir, 'none') },
  });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^3 feedback records in .*state\.db \(2 malformed lines skipped\)$/m);
  assert.match(run.stdout, /^Questions answered "not found"\n\s+1 {2}Capital of Australia\?$/m);
  assert.match(
    run.stdout,
    /^Questions voted unhelpful\n\s+1 {2}Did Russia help\? {2}\(1 not helpful, 0 helpful\)$/m,
  );
  assert.match(run.stdout, /^Most-flagged passages \(no saved index: ids only\)\n\s+1 {2}p3$/m);
});

test('with neither a database nor an old file, npm run feedback says so and creates nothing', async (t) => {
  const dir = await dataDir(t);
  const run = await runCliScript('feedbackCli.ts', [], { env: { DATA_DIR: dir } });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, `no feedback yet (${join(dir, STATE_FILE)} does not exist)\n`);
  assert.deepEqual(await readdir(dir), []);
  const json = await runCliScript('feedbackCli.ts', ['--json'], { env: { DATA_DIR: dir } });
  assert.equal(JSON.parse(json.stdout).records, 0);
});

test('npm run feedback on a database from newer code says so in one line, exit 1', async (t) => {
  const dir = await dataDir(t);
  const newer: Migration = {
    version: MIGRATIONS.length + 1,
    name: 'future',
    up: (db) => db.exec('CREATE TABLE future (x)'),
  };
  await SqliteState.open({ path: join(dir, STATE_FILE), migrations: [...MIGRATIONS, newer] }).close();
  const run = await runCliScript('feedbackCli.ts', [], { env: { DATA_DIR: dir } });
  assert.equal(run.code, 1);
  assert.match(
    run.stderr,
    /^error: .*state\.db has schema version \d+, newer than this version of crisis-desk knows/,
  );
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, 'one line, no stack');
});

test('an in-memory state imports a batch like a file', async () => {
  const state = SqliteState.open({ path: MEMORY });
  const description = { file: 'f', digest: 'd', records: 1, skipped: 0, importedAt: 't' };
  assert.equal(await state.feedback.importFile(description, [vote]), true);
  assert.equal(await state.feedback.importFile(description, [vote]), false);
  assert.deepEqual(await state.feedback.list(), [vote]);
  await state.close();
});
