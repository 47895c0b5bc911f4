import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoalescingRunner } from '../../src/util/coalescingRunner.js';

/** A job whose first `held` runs wait for release(); counts its runs. */
function heldJob(held = 1) {
  const job = {
    runs: 0,
    release: () => {},
    run: async () => {
      job.runs++;
      if (job.runs <= held) await new Promise<void>((resolve) => (job.release = resolve));
    },
  };
  return job;
}

test('triggers while a run is going give one more run after it, not one each', async () => {
  let runs = 0;
  let release: () => void = () => {};
  const runner = new CoalescingRunner(
    async () => {
      runs++;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    },
    () => {},
  );
  const first = runner.trigger();
  const later = [runner.trigger(), runner.trigger(), runner.trigger()];
  release();
  await Promise.all([first, ...later]);
  assert.equal(runs, 2);
  await runner.trigger();
  assert.equal(runs, 3);
});

test('a failing run is reported and does not stop later runs', async () => {
  const errors: unknown[] = [];
  let runs = 0;
  const runner = new CoalescingRunner(
    async () => {
      runs++;
      if (runs === 1) throw new Error('database locked');
    },
    (error) => errors.push(error),
  );
  await runner.trigger();
  await runner.trigger();
  assert.equal(runs, 2);
  assert.equal(errors.length, 1);
});

test('a trigger during the extra run asks for one more after it: no trigger is missed', async () => {
  const job = heldJob(2);
  const runner = new CoalescingRunner(job.run, () => {});
  void runner.trigger();
  const burst = runner.trigger();
  job.release();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(job.runs, 2, 'the burst got its run');
  const late = runner.trigger();
  job.release();
  await Promise.all([burst, late]);
  assert.equal(job.runs, 3);
});

test('a trigger resolves only once a run that started after it has finished', async () => {
  const job = heldJob(2);
  const runner = new CoalescingRunner(job.run, () => {});
  const first = runner.trigger();
  let done = false;
  const later = runner.trigger().then(() => {
    done = true;
  });
  job.release();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(done, false, 'the run under way when it came does not count');
  job.release();
  await Promise.all([first, later]);
  assert.equal(done, true);
});
