import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { ReindexPausedError, RollbackError } from '../../src/engine/errors.js';
import { planDelta } from '../../src/indexStore/deltaPolicy.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { loadCurrentIndex } from '../../src/indexStore/loadGeneration.js';
import { saveIndex } from '../../src/indexStore/saveGeneration.js';
import type { Log } from '../../src/log/log.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const NEW_DOCUMENT = `---
title: Turnip festival
outlet: Test Wire
---
A zeppelin festival was held in Minsk to celebrate the harvest of turnips, organisers said on Sunday.
Thousands of visitors watched the airships drift over the fields while farmers sold their turnips in the square.
`;
const NEW_QUESTION = 'Where was the zeppelin festival for turnips held?';
const OLD_QUESTION = 'Where was Navalny evacuated to?';

async function workspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const open = (options: { syncOnOpen?: boolean; logger?: Log } = {}) =>
    Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, ...options });
  const addDocument = () => writeFile(join(ws.knowledgeDir, 'turnips.md'), NEW_DOCUMENT);
  return { ws, open, addDocument };
}

test('rollback with nothing saved before refuses and changes nothing', async (t) => {
  const { ws, open } = await workspace(t);
  const engine = await open();
  const pointer = await readPointer(ws.dataDir);
  await assert.rejects(engine.rollback(), RollbackError);
  assert.deepEqual(await readPointer(ws.dataDir), pointer);
  assert.equal(engine.knowledge.ask(OLD_QUESTION).answered, true);
});

test('rollback serves the previous index, survives a restart paused, and a second rollback undoes it', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const engine = await open();
  const documents = engine.current.documents.size;
  await addDocument();
  await engine.reindex();
  assert.equal(engine.knowledge.ask(NEW_QUESTION).answered, true);

  const report = await engine.rollback();
  assert.deepEqual(report.removed, ['turnips']);
  assert.deepEqual([report.added, report.changed], [[], []]);
  assert.equal(report.to.documents, documents);
  assert.equal(report.from.documents, documents + 1);
  assert.equal(engine.knowledge.ask(NEW_QUESTION).answered, false);
  assert.equal(engine.knowledge.ask(OLD_QUESTION).answered, true);
  const pointer = await readPointer(ws.dataDir);
  assert.equal(pointer?.rolledBack?.from, report.from.generation);
  assert.equal(engine.rolledBack?.from, report.from.generation);

  // A restart does not re-apply the folder behind the moderator's back.
  const { lines, logger } = recordingLogger();
  const restarted = await open({ logger });
  assert.equal(restarted.knowledge.ask(NEW_QUESTION).answered, false);
  assert.ok(restarted.rolledBack);
  assert.ok(lines.some((l) => l.level === 'warn' && l.msg?.includes('rolled-back index')));

  const undo = await restarted.rollback();
  assert.deepEqual(undo.added, ['turnips']);
  assert.equal(restarted.knowledge.ask(NEW_QUESTION).answered, true);
});

test('a reindex on purpose after a rollback applies the folder again and ends the pause', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const engine = await open();
  await addDocument();
  await engine.reindex();
  await engine.rollback();
  const report = await engine.reindex();
  assert.deepEqual(report.added, ['turnips']);
  assert.equal(engine.rolledBack, null);
  assert.equal((await readPointer(ws.dataDir))?.rolledBack, undefined);
  assert.equal((await open()).knowledge.ask(NEW_QUESTION).answered, true);

  // Even when the folder already matches the rolled-back index, the pause ends.
  await engine.rollback();
  await rm(join(ws.knowledgeDir, 'turnips.md'));
  await engine.rollback();
  await engine.rollback();
  assert.ok(engine.rolledBack);
  await engine.reindex();
  assert.equal(engine.rolledBack, null);
  assert.equal((await readPointer(ws.dataDir))?.rolledBack, undefined);
});

test('a previous index that cannot be read leaves the current one serving and current', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const engine = await open();
  await addDocument();
  await engine.reindex({ full: true });
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer?.previous);
  await rm(join(ws.dataDir, 'generations', pointer.previous), { recursive: true });
  await assert.rejects(engine.rollback(), (error: Error) => {
    assert.ok(error instanceof RollbackError);
    assert.match(error.message, /cannot be read/);
    return true;
  });
  assert.deepEqual(await readPointer(ws.dataDir), pointer);
  assert.equal(engine.knowledge.ask(NEW_QUESTION).answered, true);
  assert.equal(engine.rolledBack, null);
});

test('a serving engine follows a reindex and a rollback saved by another process', async (t) => {
  const { open, addDocument } = await workspace(t);
  const bot = await open();
  const cli = await open({ syncOnOpen: false });
  assert.equal(await bot.followSaved(), false);
  await addDocument();
  await cli.reindex();
  assert.equal(bot.knowledge.ask(NEW_QUESTION).answered, false);
  assert.equal(await bot.followSaved(), true);
  assert.equal(bot.knowledge.ask(NEW_QUESTION).answered, true);

  await cli.rollback();
  assert.equal(await bot.followSaved(), true);
  assert.equal(bot.knowledge.ask(NEW_QUESTION).answered, false);
  assert.ok(bot.rolledBack);
});

test('a delta save never builds on a generation another process pruned', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const bot = await open();
  const cli = await open({ syncOnOpen: false });
  // Two full saves elsewhere prune the base the bot loaded.
  await cli.reindex({ full: true });
  await cli.reindex({ full: true });
  await addDocument();
  // The bot catches up with the saved index under the lock, so its delta builds on a base that exists.
  const report = await bot.reindex();
  assert.equal(report.savedAs, 'delta');
  const names = await readdir(join(ws.dataDir, 'generations'));
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer?.base && names.includes(pointer.base) && names.includes(pointer.generation));
  assert.equal((await open({ syncOnOpen: false })).knowledge.ask(NEW_QUESTION).answered, true);

  // And a base that is gone all the same makes the save a full one.
  const current = await loadCurrentIndex(ws.dataDir);
  assert.ok(current);
  const gone = { ...current.base, generation: 'pruned-long-ago' };
  assert.ok(planDelta(bot.current, gone), 'a delta would otherwise be planned');
  const saved = await saveIndex(ws.dataDir, bot.current, [], gone);
  assert.equal(saved.kind, 'full');
});

test('an unreadable index saved elsewhere is reported once and the served one stays', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const { lines, logger } = recordingLogger();
  const bot = await open({ logger });
  const cli = await open({ syncOnOpen: false });
  await addDocument();
  await cli.reindex({ full: true });
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer);
  await writeFile(join(ws.dataDir, 'generations', pointer.generation, 'manifest.json'), '{"broken":');
  assert.equal(await bot.followSaved(), false);
  assert.equal(await bot.followSaved(), false);
  assert.equal(lines.filter((l) => l.msg === 'index saved by another process is unreadable').length, 1);
  assert.equal(bot.knowledge.ask(OLD_QUESTION).answered, true);
  assert.equal(bot.activity, null);
});

test('an automatic reindex queued behind a rollback does not undo it; a moderator change in the queue does', async (t) => {
  const { ws, open, addDocument } = await workspace(t);
  const engine = await open();
  await addDocument();
  await engine.reindex();

  const rolling = engine.rollback();
  const watched = engine.reindexSoon({ automatic: true });
  await rolling;
  await assert.rejects(watched, ReindexPausedError);
  assert.ok(engine.rolledBack);
  assert.ok((await readPointer(ws.dataDir))?.rolledBack);
  assert.equal(engine.knowledge.ask(NEW_QUESTION).answered, false);

  // Sharing the follow-up with a moderator's change makes it run, and the reply can say the rollback ended.
  const undo = engine.rollback();
  const both = [engine.reindexSoon({ automatic: true }), engine.reindexSoon()];
  await undo;
  assert.equal(both[0], both[1]);
  await engine.rollback();
  const report = await both[0];
  assert.equal(report?.endedRollback, true);
  assert.equal(engine.rolledBack, null);
});

test('a rollback made by another process holds against this one until a moderator reindexes here', async (t) => {
  const { open, addDocument } = await workspace(t);
  const bot = await open();
  const cli = await open({ syncOnOpen: false });
  await addDocument();
  await bot.reindex();
  await cli.rollback();
  // Before the bot has looked at the pointer, its automatic reindex finds the rollback under the lock.
  await assert.rejects(bot.reindex({ automatic: true }), ReindexPausedError);
  assert.ok(bot.rolledBack);
  assert.equal(bot.knowledge.ask(NEW_QUESTION).answered, false);
  const report = await bot.reindex();
  assert.equal(report.endedRollback, true);
  assert.deepEqual(report.added, ['turnips']);
});
