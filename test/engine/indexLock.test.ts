import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { LockLostError, ReindexBusyError } from '../../src/engine/errors.js';
import { INDEX_LOCK, withIndexLock } from '../../src/engine/indexLock.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { acquireLock, type LockHolder } from '../../src/indexStore/processLock.js';
import { saveIndex } from '../../src/indexStore/saveGeneration.js';
import { silentLog } from '../../src/log/log.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

async function workspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  return ws;
}

const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

test('a reindex while another process holds the index lock is refused, naming the holder', async (t) => {
  const ws = await workspace(t);
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const held = await acquireLock(join(ws.dataDir, INDEX_LOCK), 'cli reindex');
  try {
    await assert.rejects(engine.reindex(), (error: Error) => {
      assert.ok(error instanceof ReindexBusyError);
      assert.equal(error.holder?.purpose, 'cli reindex');
      assert.match(error.message, new RegExp(`pid ${process.pid}`));
      return true;
    });
    await assert.rejects(engine.rollback(), ReindexBusyError);
    assert.equal(engine.activity, null);
    assert.equal(engine.knowledge.ask('Where was Navalny evacuated to?').answered, true);
  } finally {
    await held.release();
  }
  assert.equal((await engine.reindex({ full: true })).mode, 'full');
  assert.ok(!(await readdir(ws.dataDir)).includes(INDEX_LOCK), 'released after the reindex');
});

test('a lock left by a killed process is cleared, logged, and the reindex runs', async (t) => {
  const ws = await workspace(t);
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const holder: LockHolder = {
    pid: deadPid(),
    hostname: hostname(),
    purpose: 'reindex',
    since: new Date().toISOString(),
    token: 'killed',
  };
  await writeFile(join(ws.dataDir, INDEX_LOCK), JSON.stringify(holder));
  const { logger, messages } = recordingLogger();
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, logger });
  const warnings = messages('warn');
  assert.ok(warnings.includes('stale index lock cleared'), warnings.join('; '));
  assert.equal((await engine.reindex({ full: true })).mode, 'full');
});

test('changes made during a reindex are picked up by one shared follow-up reindex', async (t) => {
  const ws = await workspace(t);
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const text = (n: number) =>
    `# Note ${n}\n\nThe harvest committee number ${n} counted the turnips of the zeppelin festival twice. It reported the totals to the regional office on Monday morning.\n`;
  const running = engine.reindex({ full: true });
  await writeFile(join(ws.knowledgeDir, 'note-1.md'), text(1));
  const first = engine.reindexSoon();
  await writeFile(join(ws.knowledgeDir, 'note-2.md'), text(2));
  const second = engine.reindexSoon();
  assert.equal(first, second, 'one follow-up for both changes');
  const reports = [await running, await first];
  // Whichever scanned them, every change is in once both are done.
  assert.deepEqual(reports.flatMap((r) => r.added).sort(), ['note-1', 'note-2']);
  assert.ok(engine.current.documents.has('note-1') && engine.current.documents.has('note-2'));
  const later = engine.reindexSoon();
  assert.notEqual(later, first, 'a later call starts afresh');
  assert.equal((await later).mode, 'unchanged');
});

test('a data folder that cannot be written does not stop the engine: it serves from memory and says so', async (t) => {
  const ws = await workspace(t);
  const blocker = join(ws.root, 'not-a-folder');
  await writeFile(blocker, 'a file where DATA_DIR should be');
  const { logger, messages } = recordingLogger();
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: join(blocker, 'data'), logger });
  const [warnings, errors] = [messages('warn'), messages('error')];
  assert.equal(engine.knowledge.ask('Where was Navalny evacuated to?').answered, true);
  assert.ok(warnings.includes('index lock unavailable; going on without it'), warnings.join('; '));
  assert.ok(
    errors.some((m) => m.startsWith('index not saved')),
    errors.join('; '),
  );
  const report = await engine.reindex({ full: true });
  assert.equal(report.saved, false);
});

test('a lock taken over while its holder stalled stops the holder before the saved index changes', async (t) => {
  const ws = await workspace(t);
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const pointer = await readPointer(ws.dataDir);
  await withIndexLock(ws.dataDir, 'reindex', silentLog, async (fence) => {
    await fence();
    // What a takeover looks like from the stalled holder's side: the file names someone else.
    const file = join(ws.dataDir, INDEX_LOCK);
    const holder = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    await writeFile(file, JSON.stringify({ ...holder, token: 'someone-else' }));
    await assert.rejects(fence(), LockLostError);
    await assert.rejects(saveIndex(ws.dataDir, engine.current, [], null, fence), LockLostError);
  });
  assert.deepEqual(await readPointer(ws.dataDir), pointer, 'the pointer never moved');
});

test('a lock that cannot be taken for another reason than an unwritable folder fails the work, never skips the lock', async (t) => {
  const ws = await workspace(t);
  await mkdir(ws.dataDir, { recursive: true });
  const stale: LockHolder = {
    pid: deadPid(),
    hostname: hostname(),
    purpose: 'reindex',
    since: new Date().toISOString(),
    token: 'killed',
  };
  // A stale lock whose clearing another live process (pid 1) is in the middle of: it cannot be taken now.
  const clearing: LockHolder = { ...stale, pid: 1, purpose: 'clearing index.lock', token: 'clearing' };
  await writeFile(join(ws.dataDir, INDEX_LOCK), JSON.stringify(stale));
  await writeFile(join(ws.dataDir, `${INDEX_LOCK}.break`), JSON.stringify(clearing));
  let ran = false;
  await assert.rejects(
    withIndexLock(ws.dataDir, 'reindex', silentLog, async () => {
      ran = true;
    }),
    /could not take index\.lock/,
  );
  assert.equal(ran, false);
});
