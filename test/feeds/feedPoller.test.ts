import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFeedPoller } from '../../src/feeds/feedPoller.js';
import type { RoundReport } from '../../src/feeds/pollRound.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const EMPTY: RoundReport = {
  feeds: 0,
  notModified: 0,
  changed: 0,
  baseline: 0,
  failed: 0,
  items: 0,
  paused: 0,
  bytes: 0,
};

test('the poller runs one round at a time; stop() waits for the round under way and no round follows', async () => {
  let rounds = 0;
  let running = 0;
  let release: () => void = () => {};
  const round = async () => {
    rounds++;
    running++;
    assert.equal(running, 1, 'never two rounds at once');
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    running--;
    return EMPTY;
  };
  const { logger } = recordingLogger();
  const poller = startFeedPoller(round, 10, logger);
  const extra = poller.pollNow(); // queued behind the first round
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(rounds, 1);
  const stopping = poller.stop();
  let stopped = false;
  void stopping.then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(stopped, false, 'stop waits for the round under way');
  release();
  await stopping;
  assert.equal(await extra, null, 'the queued round never ran');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(rounds, 1);
});

test('a round that throws is logged and the next one runs as planned', async () => {
  let rounds = 0;
  const { logger, lines } = recordingLogger();
  const poller = startFeedPoller(
    async () => {
      rounds++;
      if (rounds === 1) throw new Error('database is locked');
      return { ...EMPTY, changed: 1, items: 2, bytes: 900 };
    },
    5,
    logger,
  );
  const second = await poller.pollNow();
  await poller.stop();
  assert.deepEqual(second && [second.items, second.bytes], [2, 900]);
  assert.ok(lines.some((l) => l.msg === 'feed poll round failed; the next one runs as planned'));
  assert.ok(lines.some((l) => l.msg === 'feeds polled' && l.obj.items === 2));
});
