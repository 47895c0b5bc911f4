import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliScript } from '../../harness/runCliScript.js';
import { Engine } from '../../src/engine/engine.js';
import { INDEX_LOCK } from '../../src/engine/indexLock.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import type { CrashPoint } from '../../src/util/crashPoint.js';
import {
  CRASH_DOCUMENT,
  CRASH_QUESTION,
  OLD_QUESTION,
  settledWorkspace,
  snapshot,
  type Workspace,
} from '../helpers/crashWorkspace.js';
import { readLockHolder } from '../helpers/lockHolder.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

/** A real `npm run reindex` process that kills itself with SIGKILL at `point`. */
async function reindexKilledAt(ws: Workspace, point: CrashPoint, args: string[] = []): Promise<void> {
  const result = await runCliScript('reindexCli.ts', args, {
    env: { KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir, CRISIS_DESK_CRASH_AT: point },
  });
  assert.equal(result.signal, 'SIGKILL', `killed at ${point}: ${result.stderr}`);
}

/**
 * What the killed save had written of its new generation: a delta (delta.jsonl) or a full one
 * (passages.jsonl), complete or still under its temporary name; null when it had written nothing.
 */
async function writtenKind(ws: Workspace, before: string | undefined): Promise<'delta' | 'full' | null> {
  const root = join(ws.dataDir, 'generations');
  const names = await readdir(root);
  const temporary = names.filter((name) => name.startsWith('.tmp-'));
  // Generation names start with their ISO time: the killed save's is the newest.
  const newer = names.filter((name) => !name.startsWith('.tmp-') && name > (before ?? ''));
  const [folder] = [...temporary, ...newer];
  if (!folder) return null;
  const files = await readdir(join(root, folder));
  return files.includes('delta.jsonl') ? 'delta' : files.includes('passages.jsonl') ? 'full' : null;
}

/** Each moment of a reindex, with the save it makes there: a delta after a small change, or a full one. */
const MOMENTS: [CrashPoint, 'delta' | 'full'][] = [
  ['reindex:applied', 'delta'],
  ['save:generation-half-written', 'full'],
  ['save:before-pointer', 'delta'],
  ['save:pointer-temp-written', 'full'],
  ['save:before-prune', 'delta'],
];

for (const [point, kind] of MOMENTS) {
  test(`kill -9 at ${point} (${kind} save): the next start loads an index, answers, and loses no document`, async (t) => {
    const ws = await settledWorkspace();
    t.after(() => ws.cleanup());
    // One new document of six: small enough for an incremental reindex and a delta save.
    await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
    const navalny = (await readdir(ws.knowledgeDir)).find((f) => f.includes('globalsecurity'));
    assert.ok(navalny);
    if (kind === 'full')
      await writeFile(
        join(ws.knowledgeDir, navalny),
        `${await readFile(join(ws.knowledgeDir, navalny), 'utf8')}\nThe harbour master of Gdansk counted forty barges of grain on Monday.\n`,
      );
    const files = await snapshot(ws.knowledgeDir);

    const pointerBefore = await readPointer(ws.dataDir);
    await reindexKilledAt(ws, point, kind === 'full' ? ['--full'] : []);
    assert.equal(await writtenKind(ws, pointerBefore?.generation), point === 'reindex:applied' ? null : kind);
    assert.deepEqual(await snapshot(ws.knowledgeDir), files, 'every document file intact');
    assert.equal(
      (await readLockHolder(join(ws.dataDir, INDEX_LOCK)))?.purpose,
      'reindex',
      'the lock outlived the crash',
    );

    // The saved index loads as it is, without a rebuild, and answers.
    const { messages, logger } = recordingLogger();
    const restarted = await Engine.open({
      knowledgeDir: ws.knowledgeDir,
      dataDir: ws.dataDir,
      logger,
      syncOnOpen: false,
    });
    assert.ok(messages().includes('index loaded'), messages().join('; '));
    assert.equal(restarted.knowledge.ask(OLD_QUESTION).answered, true);

    // The stale lock is cleared and the folder is indexed whole.
    const report = await restarted.reindex();
    assert.ok(messages().includes('stale index lock cleared'), messages().join('; '));
    assert.equal(report.documents, files.size, 'every document file indexed');
    assert.deepEqual(report.skipped, []);
    assert.equal(restarted.knowledge.ask(CRASH_QUESTION).answered, true);
    if (kind === 'full')
      assert.match(
        JSON.stringify(restarted.knowledge.ask('barges of grain counted by the Gdansk harbour master')),
        /Gdansk/,
      );

    // Leftovers of the killed save are gone once a save has run.
    await restarted.reindex({ full: true });
    const generations = await readdir(join(ws.dataDir, 'generations'));
    assert.ok(!generations.some((g) => g.startsWith('.tmp-')), generations.join(', '));
    assert.ok(!(await readdir(ws.dataDir)).some((f) => f.endsWith('.tmp') || f === INDEX_LOCK));
  });
}

test('kill -9 during a rollback leaves the index it was serving current', async (t) => {
  const ws = await settledWorkspace();
  t.after(() => ws.cleanup());
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  assert.equal(engine.knowledge.ask(CRASH_QUESTION).answered, true);
  const pointer = await readPointer(ws.dataDir);

  await reindexKilledAt(ws, 'rollback:before-pointer', ['--rollback']);
  assert.deepEqual(await readPointer(ws.dataDir), pointer);
  const restarted = await Engine.open({
    knowledgeDir: ws.knowledgeDir,
    dataDir: ws.dataDir,
    syncOnOpen: false,
  });
  assert.equal(restarted.knowledge.ask(CRASH_QUESTION).answered, true);
  assert.equal(restarted.rolledBack, null);
  const report = await restarted.rollback();
  assert.deepEqual(report.removed, ['turnips']);
});
