import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReindexBusyError } from '../../src/engine/errors.js';
import { WriterQueue } from '../../src/engine/writerQueue.js';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

test('one writer at a time: a second is refused as busy, and the activity says what runs', async () => {
  const queue = new WriterQueue<string>();
  const { opened, open } = gate();
  const first = queue.run('rollback', () => opened.then(() => 'rolled back'));
  assert.equal(queue.activity, 'rollback');
  await assert.rejects(
    queue.run('reindex', async () => 'never'),
    ReindexBusyError,
  );
  open();
  assert.equal(await first, 'rolled back');
  assert.equal(queue.busy, false);
  assert.equal(await queue.run('reload', async () => 'next'), 'next');
});

test('a failed writer frees the queue', async () => {
  const queue = new WriterQueue<string>();
  await assert.rejects(
    queue.run('reindex', async () => Promise.reject(new Error('broke'))),
    /broke/,
  );
  assert.equal(queue.activity, null);
});

test('runs queued while a writer runs share one run after it, automatic only if every caller asked so', async () => {
  const queue = new WriterQueue<string>();
  const { opened, open } = gate();
  const running = queue.run('reindex', () => opened);
  const started: boolean[] = [];
  const start = async (automatic: boolean) => {
    started.push(automatic);
    return `run ${started.length}`;
  };
  const a = queue.runNext(true, start);
  const b = queue.runNext(false, start);
  const c = queue.runNext(true, start);
  assert.deepEqual(started, [], 'nothing starts while the writer runs');
  open();
  await running;
  assert.deepEqual(await Promise.all([a, b, c]), ['run 1', 'run 1', 'run 1']);
  assert.deepEqual(started, [false], 'a moderator shared the queued run, so it is not automatic');

  assert.equal(await queue.runNext(true, start), 'run 2', 'with no writer running it starts at once');
  assert.deepEqual(started, [false, true]);
});

test('a writer only finishing (a full save after its change) shows no activity, and the next one runs after it', async () => {
  const queue = new WriterQueue<string>();
  const { opened, open } = gate();
  const order: string[] = [];
  const saving = queue.run('reindex', async () => {
    queue.finishing();
    await opened;
    order.push('full save');
    return 'reindexed';
  });
  assert.equal(queue.activity, 'reindex', 'work starts on the next tick');
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(queue.activity, null);
  assert.equal(queue.busy, true);
  const next = queue.run('rollback', async () => {
    order.push('rollback');
    return 'rolled back';
  });
  open();
  assert.equal(await saving, 'reindexed');
  assert.equal(await next, 'rolled back');
  assert.deepEqual(order, ['full save', 'rollback']);
  await queue.settled();
  assert.equal(queue.busy, false);
});
