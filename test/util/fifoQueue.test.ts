import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FifoQueue } from '../../src/util/fifoQueue.js';

test('jobs run one at a time, in the order they were queued, each settling as its job does', async () => {
  const queue = new FifoQueue();
  const events: string[] = [];
  let running = 0;
  const job = (name: string, ms: number) => async () => {
    running++;
    assert.equal(running, 1, 'never two jobs at once');
    events.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    events.push(`end ${name}`);
    running--;
    return name;
  };
  const results = await Promise.all([
    queue.run(job('a', 20)),
    queue.run(job('b', 1)),
    queue.run(job('c', 5)),
  ]);
  assert.deepEqual(results, ['a', 'b', 'c']);
  assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('a job that fails rejects its own caller only; the jobs after it still run', async () => {
  const queue = new FifoQueue();
  const ran: string[] = [];
  const failed = queue.run(async () => {
    ran.push('broken');
    throw new Error('database is locked');
  });
  const thrown = queue.run(() => {
    ran.push('throws at once');
    throw new Error('bug');
  });
  const next = queue.run(async () => {
    ran.push('next');
    return 'written';
  });
  await assert.rejects(failed, /database is locked/);
  await assert.rejects(thrown, /bug/);
  assert.equal(await next, 'written');
  assert.deepEqual(ran, ['broken', 'throws at once', 'next']);
});

test('pending counts the jobs queued or running; settled waits for all of them; onIdle says when none is left', async () => {
  let idle = 0;
  const queue = new FifoQueue(() => idle++);
  let release: () => void = () => {};
  void queue.run(() => new Promise<void>((resolve) => (release = resolve)));
  void queue.run(async () => {});
  assert.equal(queue.pending, 2);
  let settled = false;
  const waiting = queue.settled().then(() => {
    settled = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'settled waits for the job under way');
  assert.equal(idle, 0);
  release();
  await waiting;
  assert.equal(queue.pending, 0);
  assert.equal(idle, 1, 'once for the burst, not once per job');
  void queue.run(async () => {});
  await queue.settled();
  assert.equal(idle, 2);
});
