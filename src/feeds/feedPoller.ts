/**
 * Runs pollRound every interval, one round at a time, from when it is started until stop(), which
 * waits for a round under way to finish. A round that fails is logged; the next one runs as planned.
 */

import type { Log } from '../log/log.js';
import { FifoQueue } from '../util/fifoQueue.js';
import type { RoundReport } from './pollRound.js';

export interface FeedPoller {
  /** Runs a round now (after one under way); resolves with its report. */
  pollNow(): Promise<RoundReport | null>;
  stop(): Promise<void>;
}

export function startFeedPoller(
  round: () => Promise<RoundReport>,
  intervalMs: number,
  logger: Log,
): FeedPoller {
  let stopped = false;
  const rounds = new FifoQueue();
  let timer: NodeJS.Timeout | undefined;

  const runRound = async (): Promise<RoundReport | null> => {
    const started = performance.now();
    try {
      const report = await round();
      const ms = Math.round(performance.now() - started);
      const busy = report.changed + report.failed + report.baseline + report.items > 0;
      (busy ? logger.info : logger.debug).call(logger, { ...report, ms }, 'feeds polled');
      return report;
    } catch (error) {
      logger.error({ err: error }, 'feed poll round failed; the next one runs as planned');
      return null;
    }
  };

  const next = () => rounds.run(() => (stopped ? null : runRound()));

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void next().then(schedule), intervalMs);
    timer.unref();
  };
  void next().then(schedule);

  return {
    pollNow: next,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await rounds.settled();
    },
  };
}
