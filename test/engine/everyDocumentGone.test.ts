/**
 * An existing but empty knowledge folder (Docker makes one for a missing bind-mount source), or one
 * whose documents all vanished, is never applied by an automatic reindex: the index keeps serving and
 * one warning says what to do. A moderator's reindex applies it, and its report says so.
 */

import assert from 'node:assert/strict';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { watchKnowledgeFolder } from '../../src/bot/keepIndexCurrent.js';
import { syncWhenKnowledgeReturns } from '../../src/bot/syncWhenKnowledgeReturns.js';
import { reindexMessage } from '../../src/discord/render/reindexMessage.js';
import { Engine } from '../../src/engine/engine.js';
import { EveryDocumentGoneError } from '../../src/engine/errors.js';
import { describeReport } from '../../src/engine/reindexReport.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { CRASH_DOCUMENT, CRASH_QUESTION } from '../helpers/crashWorkspace.js';
import { publicQuestions } from '../helpers/engineWorkspace.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const questions = await publicQuestions();
const WARNING =
  'not reindexing: the knowledge folder holds none of the indexed documents; the index still serves';

async function savedWorkspace(
  t: TestContext,
  prepare: (knowledgeDir: string) => Promise<void> = async () => {},
) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  await prepare(ws.knowledgeDir);
  const { logger, lines, messages } = recordingLogger();
  const open = (options: Partial<Parameters<typeof Engine.open>[0]> = {}) =>
    Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, logger, ...options });
  const engine = await open();
  const answers = questions.map((q) => engine.knowledge.ask(q));
  const pointer = await readPointer(ws.dataDir);
  const generations = await readdir(join(ws.dataDir, 'generations'));
  /** The index answers as it did, and nothing new was saved. */
  const untouched = async (served: Engine) => {
    for (const [i, q] of questions.entries()) assert.deepEqual(served.knowledge.ask(q), answers[i], q);
    assert.deepEqual(await readPointer(ws.dataDir), pointer);
    assert.deepEqual(await readdir(join(ws.dataDir, 'generations')), generations);
  };
  const emptyFolder = async () => {
    await rm(ws.knowledgeDir, { recursive: true });
    await mkdir(ws.knowledgeDir);
  };
  const warnings = () => lines.filter((l) => l.msg === WARNING);
  return { ws, open, engine, untouched, emptyFolder, warnings, messages, logger };
}

/** Waits (bounded) until `done()` holds. */
async function until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

test('an empty knowledge folder is not applied at start-up or by an automatic reindex; one warning says what to do', async (t) => {
  const { open, engine, untouched, emptyFolder, warnings } = await savedWorkspace(t);
  await emptyFolder();

  const started = await open();
  await untouched(started);
  assert.equal(warnings().length, 1);
  const [warning] = warnings();
  assert.match(String(warning?.obj.todo), /\/reindex update.*npm run reindex/);
  assert.match(String(warning?.obj.reason), /holds none of the \d+ indexed documents/);

  await assert.rejects(engine.reindex({ automatic: true }), EveryDocumentGoneError);
  await assert.rejects(engine.reindexSoon({ automatic: true }), EveryDocumentGoneError);
  await assert.rejects(engine.reindex({ automatic: true, full: true }), EveryDocumentGoneError);
  await untouched(engine);
  assert.equal(warnings().length, 4);
});

test('documents that all vanished (renamed away, or all unreadable) count the same as an empty folder', async (t) => {
  const { ws, engine, untouched } = await savedWorkspace(t);
  for (const name of await readdir(ws.knowledgeDir)) {
    if (name.endsWith('.md')) await rename(join(ws.knowledgeDir, name), join(ws.knowledgeDir, `${name}.bak`));
  }
  // A document that is skipped is not indexed either: still nothing of what the index had.
  await writeFile(join(ws.knowledgeDir, 'empty.md'), '');
  await assert.rejects(engine.reindex({ automatic: true }), EveryDocumentGoneError);
  await untouched(engine);
});

test("a moderator's reindex applies an emptied folder, and its reports say every document was removed", async (t) => {
  const { engine, emptyFolder, warnings, untouched } = await savedWorkspace(t);
  const indexed = engine.current.documents.size;
  await emptyFolder();
  await untouched(engine);

  const report = await engine.reindex();
  assert.equal(report.removed.length, indexed);
  assert.equal(report.documents, 0);
  assert.equal(report.removedEvery, true);
  assert.equal(report.saved, true);
  assert.equal(engine.current.documents.size, 0);
  assert.equal(warnings().length, 0);
  assert.match(describeReport(report), /^warning: every document was removed: the index is empty/m);
  assert.match(reindexMessage(report).embeds?.[0]?.description ?? '', /Every document was removed/);

  // Nothing is left to lose: automatic reindexes run again, and bring documents in.
  assert.equal((await engine.reindex({ automatic: true })).mode, 'unchanged');
});

test('a small change keeps its report free of the warning', async (t) => {
  const { ws, engine } = await savedWorkspace(t);
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
  const report = await engine.reindex({ automatic: true });
  assert.deepEqual(report.added, ['turnips']);
  assert.equal(report.removedEvery, undefined);
  assert.doesNotMatch(describeReport(report), /every document/);
});

test('a missing folder that comes back empty is not applied; once documents arrive in it they are', async (t) => {
  const { ws, open, untouched, warnings, messages, logger } = await savedWorkspace(t);
  const away = `${ws.knowledgeDir}-unmounted`;
  await rename(ws.knowledgeDir, away);
  const engine = await open();
  assert.ok(engine.knowledgeUnavailable);
  const stop = syncWhenKnowledgeReturns(engine, ws.knowledgeDir, logger, 10);
  // Its timers are unref'd (a bot's connection keeps the process up): this test keeps it up instead.
  const alive = setInterval(() => {}, 1000);
  t.after(() => {
    stop();
    clearInterval(alive);
  });

  await mkdir(ws.knowledgeDir);
  await until(() => warnings().length > 0, 'the warning');
  // Looked at again only when the folder changes: one warning, not one every poll.
  await sleep(100);
  assert.equal(warnings().length, 1);
  await untouched(engine);

  // The volume mounted at last, with a document added meanwhile.
  await writeFile(join(away, 'turnips.md'), CRASH_DOCUMENT);
  await rm(ws.knowledgeDir, { recursive: true });
  await rename(away, ws.knowledgeDir);
  await until(() => engine.knowledgeUnavailable === null, 'the reindex to finish');
  assert.equal(engine.knowledge.ask(CRASH_QUESTION).answered, true);
  assert.equal(warnings().length, 1);
  assert.deepEqual(
    messages('info').filter((m) => m.endsWith('reindexing')),
    ['knowledge folder is back; reindexing', 'knowledge folder changed; reindexing'],
  );
});

test('watch mode does not apply a folder emptied on disk; it keeps serving and warns', async (t) => {
  // One document, so that removing it is one event: all of the index's documents gone at once.
  const { ws, engine, untouched, warnings, logger } = await savedWorkspace(t, async (dir) => {
    for (const name of (await readdir(dir)).slice(1)) await rm(join(dir, name));
  });
  assert.equal(engine.current.documents.size, 1);
  const stop = watchKnowledgeFolder(
    engine,
    { knowledgeDir: ws.knowledgeDir, knowledgeWatch: true, watchDebounceMs: 50 },
    logger,
  );
  const alive = setInterval(() => {}, 1000);
  t.after(() => {
    stop();
    clearInterval(alive);
  });
  for (const name of await readdir(ws.knowledgeDir)) await rm(join(ws.knowledgeDir, name));
  await until(() => warnings().length > 0, 'the warning');
  await untouched(engine);
  assert.equal(engine.activity, null);
});
