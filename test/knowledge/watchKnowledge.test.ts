import assert from 'node:assert/strict';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type KnowledgeWatcher,
  type WatchOptions,
  watchKnowledge,
} from '../../src/knowledge/watchKnowledge.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

/** Records onChange calls; next() awaits the next one not yet taken, failing the test after a bounded wait. */
function recorder(behaviour: (files: string[], n: number) => void = () => {}) {
  const calls: string[][] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  return {
    calls,
    onChange(files: string[]) {
      calls.push(files);
      wake?.();
      behaviour(files, calls.length);
    },
    async next(timeoutMs = 3000): Promise<string[]> {
      const deadline = Date.now() + timeoutMs;
      while (taken >= calls.length) {
        const left = deadline - Date.now();
        if (left <= 0) assert.fail(`no onChange call within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      return calls[taken++]!;
    },
    /** Drops every call so far. */
    dropAll() {
      taken = calls.length;
    },
    /** Waits `ms` and asserts that no call came meanwhile. */
    async quiet(ms: number) {
      await sleep(ms);
      assert.deepEqual(calls.slice(taken), [], `expected no onChange call within ${ms} ms`);
    },
  };
}

/** Polls until `condition` holds, failing the test after a bounded wait. */
async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await sleep(10);
  }
}

async function tempDir(t: TestContext): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-watch-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  return root;
}

function start(
  t: TestContext,
  dir: string,
  onChange: (files: string[]) => void,
  options: WatchOptions,
): KnowledgeWatcher {
  const watcher = watchKnowledge(dir, onChange, options);
  t.after(() => watcher.close());
  return watcher;
}

test('a burst of writes to two documents is one call with both names, sorted', async (t) => {
  const dir = await tempDir(t);
  const rec = recorder();
  // A quiet time well above the gap between appends, even on a loaded machine.
  start(t, dir, rec.onChange, { debounceMs: 300 });
  for (let i = 0; i < 5; i++) {
    await appendFile(join(dir, i % 2 === 0 ? 'zebra.md' : 'apple.md'), `line ${i}\n`);
  }
  assert.deepEqual(await rec.next(), ['apple.md', 'zebra.md']);
  await rec.quiet(450);
});

test('temporary uploads, other extensions and the readme are ignored', async (t) => {
  const dir = await tempDir(t);
  const rec = recorder();
  start(t, dir, rec.onChange, { debounceMs: 50 });
  await writeFile(join(dir, '.upload-x.tmp'), 'partial');
  await writeFile(join(dir, 'notes.pdf'), '%PDF');
  await writeFile(join(dir, 'README.md'), '# about this folder');
  await rec.quiet(300);
});

test('a change to the alias file is reported', async (t) => {
  const dir = await tempDir(t);
  const rec = recorder();
  start(t, dir, rec.onChange, { debounceMs: 50 });
  await writeFile(join(dir, 'aliases.txt'), 'WHO = World Health Organization\n');
  assert.deepEqual(await rec.next(), ['aliases.txt']);
});

test('maxWaitMs fires during a continuous stream of writes', async (t) => {
  const dir = await tempDir(t);
  const rec = recorder();
  start(t, dir, rec.onChange, { debounceMs: 100, maxWaitMs: 250 });
  const end = Date.now() + 600;
  let i = 0;
  while (Date.now() < end) {
    await appendFile(join(dir, 'stream.md'), `line ${i++}\n`);
    await sleep(20);
  }
  assert.ok(rec.calls.length >= 1, 'expected a call before the stream ended');
  assert.deepEqual(rec.calls[0], ['stream.md']);
});

test('close() stops everything, also a burst in progress, and is idempotent', async (t) => {
  const dir = await tempDir(t);
  const rec = recorder();
  const watcher = start(t, dir, rec.onChange, { debounceMs: 50 });
  await writeFile(join(dir, 'pending.md'), 'written just before close');
  watcher.close();
  watcher.close();
  await writeFile(join(dir, 'later.md'), 'written after close');
  await rec.quiet(300);
});

test('an onChange that throws is logged, and later bursts still fire', async (t) => {
  const dir = await tempDir(t);
  const { logger, lines } = recordingLogger();
  const rec = recorder((_files, n) => {
    if (n === 1) throw new Error('reindex exploded');
  });
  start(t, dir, rec.onChange, { debounceMs: 50, logger });
  await writeFile(join(dir, 'one.md'), '1');
  assert.deepEqual(await rec.next(), ['one.md']);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.level, 'error');
  assert.equal((lines[0]!.obj as { err: Error }).err.message, 'reindex exploded');
  await writeFile(join(dir, 'two.md'), '2');
  assert.deepEqual(await rec.next(), ['two.md']);
  assert.equal(lines.length, 1);
});

test('a folder deleted and made again is watched again, with a call once it is back', async (t) => {
  const dir = join(await tempDir(t), 'knowledge');
  await mkdir(dir);
  await writeFile(join(dir, 'a.md'), 'a');
  const { logger, lines } = recordingLogger();
  const rec = recorder();
  start(t, dir, rec.onChange, { debounceMs: 50, logger });
  await rm(dir, { recursive: true });
  await until(() => lines.length > 0, 'the lost folder is logged');
  await sleep(50);
  assert.deepEqual(
    lines.map((e) => e.level),
    ['warn'],
  );
  rec.dropAll();
  await mkdir(dir);
  await writeFile(join(dir, 'b.md'), 'b');
  // On recovery (the retry 1000 ms after the loss): names written while unwatched are unknown.
  assert.deepEqual(await rec.next(), []);
  await writeFile(join(dir, 'c.md'), 'c');
  assert.deepEqual(await rec.next(), ['c.md']);
  assert.equal(lines.length, 1, 'the outage is logged once');
});

test('a folder missing at start is watched once it exists', async (t) => {
  const dir = join(await tempDir(t), 'not-yet');
  const { logger, lines } = recordingLogger();
  const rec = recorder();
  start(t, dir, rec.onChange, { debounceMs: 50, logger });
  assert.deepEqual(
    lines.map((e) => e.level),
    ['warn'],
  );
  await mkdir(dir);
  assert.deepEqual(await rec.next(), []);
  await writeFile(join(dir, 'd.md'), 'd');
  assert.deepEqual(await rec.next(), ['d.md']);
  assert.equal(lines.length, 1);
});
