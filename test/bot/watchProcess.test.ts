import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createShutdown } from '../../src/bot/watchProcess.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

/** A shutdown whose exit is recorded instead of ending the test process. */
function recordedExit() {
  const codes: number[] = [];
  let exited: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    exited = resolve;
  });
  return {
    codes,
    done,
    exit: (code: number) => {
      codes.push(code);
      exited(code);
    },
  };
}

test('closing runs every step, last added first, past one that fails, then exits once with the highest code', async () => {
  const { logger: log, messages } = recordingLogger();
  const exit = recordedExit();
  const shutdown = createShutdown(log, { exit: exit.exit, boundMs: 60_000 });
  const ran: string[] = [];
  shutdown.onClose(() => ran.push('release lock'));
  shutdown.onClose(() => {
    throw new Error('client already gone');
  });
  shutdown.onClose(async () => ran.push('destroy client'));
  shutdown.stop(1);
  shutdown.stop(0);
  assert.equal(await exit.done, 1);
  assert.deepEqual(ran, ['destroy client', 'release lock']);
  assert.deepEqual(messages('warn'), ['error while shutting down']);
  assert.deepEqual(exit.codes, [1]);
});

test('a close that hangs does not keep the process: it exits after the bound, with the code asked for', async () => {
  const { logger: log, messages } = recordingLogger();
  const exit = recordedExit();
  const shutdown = createShutdown(log, { exit: exit.exit, boundMs: 20 });
  shutdown.onClose(() => new Promise(() => {}));
  // The bound's timer is unref'd (it must not keep a closing bot up): this test keeps the loop up.
  const alive = setInterval(() => {}, 1000);
  try {
    shutdown.stop(1);
    assert.equal(await exit.done, 1);
  } finally {
    clearInterval(alive);
  }
  assert.deepEqual(messages('warn'), ['closing did not finish in time; exiting anyway']);
});
