import assert from 'node:assert/strict';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { syncWhenKnowledgeReturns } from '../../src/bot/syncWhenKnowledgeReturns.js';
import { Engine } from '../../src/engine/engine.js';
import type { ReindexReport } from '../../src/engine/reindexReport.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { KnowledgeFolderError } from '../../src/knowledge/errors.js';
import { CRASH_DOCUMENT, CRASH_QUESTION } from '../helpers/crashWorkspace.js';
import { publicQuestions } from '../helpers/engineWorkspace.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const questions = await publicQuestions();

async function savedWorkspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const open = (options: Partial<Parameters<typeof Engine.open>[0]> = {}) =>
    Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, ...options });
  const engine = await open();
  const away = `${ws.knowledgeDir}-unmounted`;
  return { ws, open, engine, away };
}

test('a missing knowledge folder is never taken for "every document was removed"', async (t) => {
  const { ws, open, engine, away } = await savedWorkspace(t);
  const answers = questions.map((q) => engine.knowledge.ask(q));
  const pointer = await readPointer(ws.dataDir);
  const generations = await readdir(join(ws.dataDir, 'generations'));
  const unchanged = (served: Engine) => {
    for (const [i, q] of questions.entries()) assert.deepEqual(served.knowledge.ask(q), answers[i], q);
  };

  await rename(ws.knowledgeDir, away);
  await assert.rejects(engine.reindex(), KnowledgeFolderError);
  await assert.rejects(engine.reindex({ full: true }), /knowledge folder .* does not exist/);
  unchanged(engine);

  // A bot starting now serves the saved index, says why it did not sync, and saves nothing.
  const { logger, lines } = recordingLogger();
  const started = await open({ logger });
  unchanged(started);
  assert.match(started.knowledgeUnavailable ?? '', /does not exist/);
  assert.ok(
    lines.some((l) => l.msg === 'knowledge folder unavailable; serving the saved index until it is back'),
  );

  // A file where the folder should be is no different.
  await writeFile(ws.knowledgeDir, 'not a folder');
  await assert.rejects(engine.reindex(), /is not a folder/);
  assert.match((await open()).knowledgeUnavailable ?? '', /is not a folder/);
  unchanged(engine);

  assert.deepEqual(await readPointer(ws.dataDir), pointer);
  assert.deepEqual(await readdir(join(ws.dataDir, 'generations')), generations);
  await rm(ws.knowledgeDir);
  await rename(away, ws.knowledgeDir);
  assert.equal((await engine.reindex()).mode, 'unchanged');
});

test('with no saved index and no knowledge folder, opening fails naming the folder', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const missing = join(ws.root, 'no-such-folder');
  await assert.rejects(
    Engine.open({ knowledgeDir: missing, dataDir: ws.dataDir }),
    (error: Error) => error instanceof KnowledgeFolderError && error.message.includes(missing),
  );
});

test('once the missing folder is back, the served index is brought up to date with it, once', async (t) => {
  const { ws, open, away } = await savedWorkspace(t);
  await rename(ws.knowledgeDir, away);
  const engine = await open();
  assert.ok(engine.knowledgeUnavailable);
  const calls: Promise<ReindexReport>[] = [];
  let reindexed: (report: Promise<ReindexReport>) => void = () => {};
  const first = new Promise<Promise<ReindexReport>>((resolve) => {
    reindexed = resolve;
  });
  const reindexSoon = engine.reindexSoon.bind(engine);
  engine.reindexSoon = (options) => {
    const report = reindexSoon(options);
    calls.push(report);
    reindexed(report);
    return report;
  };
  const { logger, messages } = recordingLogger();
  const stop = syncWhenKnowledgeReturns(engine, ws.knowledgeDir, logger, 10);
  // Its timers are unref'd (a bot's connection keeps the process up): this test keeps it up instead.
  const alive = setInterval(() => {}, 1000);
  t.after(() => {
    stop();
    clearInterval(alive);
  });

  // Back at once, as a volume is mounted, with a document added while it was away.
  await writeFile(join(away, 'turnips.md'), CRASH_DOCUMENT);
  await rename(away, ws.knowledgeDir);
  const report = await await first;
  assert.deepEqual(report.added, ['turnips']);
  assert.deepEqual(report.removed, []);
  assert.equal(engine.knowledge.ask(CRASH_QUESTION).answered, true);
  assert.equal(engine.knowledgeUnavailable, null);
  assert.equal(calls.length, 1);
  assert.deepEqual(messages('info'), ['knowledge folder is back; reindexing']);
});
