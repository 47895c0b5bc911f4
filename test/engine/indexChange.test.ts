import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine, type EngineOptions, type IndexChange } from '../../src/engine/engine.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const TURNIPS = `---
title: Turnip festival
outlet: Test Wire
---
A zeppelin festival was held in Minsk to celebrate the harvest of turnips, organisers said on Sunday.
Thousands of visitors watched the airships drift over the fields while farmers sold their turnips in the square.
`;

async function workspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const open = (options: Partial<EngineOptions> = {}) =>
    Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, ...options });
  return { ws, open };
}

test('onIndexChanged hears each reindex and rollback that changes documents, once, with the generation', async (t) => {
  const { ws, open } = await workspace(t);
  const built: IndexChange[] = [];
  await open({ onIndexChanged: (change) => built.push(change) });
  assert.equal(built[0]?.added.length, 5, 'the first build adds every document');
  const changes: IndexChange[] = [];
  const engine = await open({ onIndexChanged: (change) => changes.push(change) });
  assert.deepEqual(changes, [], 'opening an index already up to date changes nothing');

  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  await engine.reindex();
  assert.deepEqual(changes, [
    { added: ['turnips'], changed: [], removed: [], generation: (await readPointer(ws.dataDir))?.generation },
  ]);

  await engine.reindex();
  assert.equal(changes.length, 1, 'a reindex that finds nothing new is not a change');
  const beforeEdit = (await readPointer(ws.dataDir))?.generation;

  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS.replace('Sunday', 'Monday'));
  await engine.reindex();
  assert.deepEqual(changes.at(-1), {
    added: [],
    changed: ['turnips'],
    removed: [],
    generation: (await readPointer(ws.dataDir))?.generation,
  });

  await engine.rollback();
  assert.equal(changes.length, 3);
  assert.deepEqual(changes.at(-1), { added: [], changed: ['turnips'], removed: [], generation: beforeEdit });
});

test("onIndexChanged hears a switch to another process's save, and a reindex kept in memory has no generation", async (t) => {
  const { ws, open } = await workspace(t);
  await open();
  const changes: IndexChange[] = [];
  const bot = await open({ onIndexChanged: (change) => changes.push(change) });
  const cli = await open({ syncOnOpen: false });
  await rm(
    join(ws.knowledgeDir, '2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences.md'),
  );
  await cli.reindex();
  assert.deepEqual(changes, []);
  assert.equal(await bot.followSaved(), true);
  assert.deepEqual(changes, [
    {
      added: [],
      changed: [],
      removed: ['2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences'],
      generation: (await readPointer(ws.dataDir))?.generation,
    },
  ]);

  const memory: IndexChange[] = [];
  const inMemory = await open({ persist: false, onIndexChanged: (change) => memory.push(change) });
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  await inMemory.reindex();
  assert.deepEqual(memory.at(-1), { added: ['turnips'], changed: [], removed: [], generation: null });
});

test('a listener that throws is logged; the reindex still succeeds and the new index serves', async (t) => {
  const { ws, open } = await workspace(t);
  await open();
  const { logger, lines } = recordingLogger();
  const engine = await open({
    logger,
    onIndexChanged: () => {
      throw new Error('listener broke');
    },
  });
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  const report = await engine.reindex();
  assert.deepEqual(report.added, ['turnips']);
  assert.equal(report.saved, true);
  assert.equal(engine.knowledge.ask('Where was the zeppelin festival for turnips held?').answered, true);
  const failed = lines.filter((l) => l.msg === 'onIndexChanged listener failed; the index change stands');
  assert.equal(failed.length, 1);
  assert.equal((failed[0]?.obj.err as Error | undefined)?.message, 'listener broke');
});

test('a listener whose promise rejects is logged as well; the reindex still succeeds', async (t) => {
  const { ws, open } = await workspace(t);
  await open();
  const { logger, lines } = recordingLogger();
  const engine = await open({
    logger,
    onIndexChanged: async () => {
      throw new Error('notifier down');
    },
  });
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  const report = await engine.reindex();
  assert.deepEqual(report.added, ['turnips']);
  await new Promise((resolve) => setImmediate(resolve));
  const failed = lines.filter((l) => l.msg === 'onIndexChanged listener failed; the index change stands');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.level, 'error');
  assert.equal((failed[0]?.obj.err as Error | undefined)?.message, 'notifier down');
});
