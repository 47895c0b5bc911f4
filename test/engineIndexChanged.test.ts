import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../harness/tempKnowledge.js';
import { Engine, type EngineOptions, type IndexChange } from '../src/engine/engine.js';
import { recordingLogger } from './helpers/recordingLogger.js';

const NEW_DOCUMENT = `---
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
  const addDocument = () => writeFile(join(ws.knowledgeDir, 'turnips.md'), NEW_DOCUMENT);
  // The index saved first, so opening with the hook changes nothing.
  await open();
  return { open, addDocument };
}

/** What a change did, in a word per document: `+turnips`, `-turnips`. */
const summary = (change: IndexChange) =>
  [
    ...change.added.map((id) => `+${id}`),
    ...change.changed.map((id) => `~${id}`),
    ...change.removed.map((id) => `-${id}`),
  ].join(' ');

/** The hook may run after the call resolves, on a later turn: wait for it. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

test('onIndexChanged is called after a reindex or rollback that changed documents, never after one that did not', async (t) => {
  const { open, addDocument } = await workspace(t);
  const calls: string[] = [];
  const engine = await open({ onIndexChanged: (change) => void calls.push(summary(change)) });
  await settled();
  assert.deepEqual(calls, [], 'the start-up sync changed nothing');

  await engine.reindex();
  await settled();
  assert.deepEqual(calls, [], 'an unchanged reindex');

  await addDocument();
  await engine.reindex();
  await settled();
  assert.deepEqual(calls, ['+turnips']);

  await engine.rollback();
  await settled();
  assert.deepEqual(calls, ['+turnips', '-turnips']);
});

test('onIndexChanged is called when the engine adopts an index another process saved with other documents', async (t) => {
  const { open, addDocument } = await workspace(t);
  const calls: string[] = [];
  const bot = await open({ onIndexChanged: (change) => void calls.push(summary(change)) });
  const cli = await open({ syncOnOpen: false });
  await addDocument();
  await cli.reindex();
  assert.equal(await bot.followSaved(), true);
  await settled();
  assert.deepEqual(calls, ['+turnips']);
});

for (const [kind, hook] of [
  [
    'rejecting',
    async () => {
      throw new Error('notifier down');
    },
  ],
  [
    'throwing',
    () => {
      throw new Error('notifier down');
    },
  ],
] as const)
  test(`a ${kind} onIndexChanged is logged and the reindex still succeeds`, async (t) => {
    const { open, addDocument } = await workspace(t);
    const { logger, lines } = recordingLogger();
    const engine = await open({ logger, onIndexChanged: hook });
    await addDocument();
    const report = await engine.reindex();
    assert.deepEqual(report.added, ['turnips']);
    await settled();
    const failed = lines.filter((l) => l.msg === 'onIndexChanged listener failed; the index change stands');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.level, 'error');
  });
