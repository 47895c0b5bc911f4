import type { Client } from 'discord.js';
import { citationsToAsk } from '../discord/answerReply.js';
import { noticeChannels, noticeSender } from '../discord/gaps/noticeSender.js';
import type { Engine } from '../engine/engine.js';
import { reaskPending } from '../gaps/reaskPending.js';
import type { Log } from '../log/log.js';
import type { State } from '../state/state.js';
import { CoalescingRunner } from '../util/coalescingRunner.js';

/** A held member's run starts this long after their mention of the day expires, to be clear of it. */
const RETRY_MARGIN_MS = 1000;

/**
 * "Tell me when this is covered", end to end: after every change of the served documents the
 * pending questions are asked again, as /ask asks them, and the members waiting on the answered
 * ones are told. Changes before the client is ready are covered by the run at start, which also
 * tells those a restart interrupted. Members held back by the one mention a day get a run of
 * their own once it expires.
 */
export function tellMeOnIndexChange(logger: Log) {
  let runner: CoalescingRunner | null = null;
  let retry: NodeJS.Timeout | undefined;
  const retryAt = (at: string | null) => {
    clearTimeout(retry);
    if (at === null) return;
    retry = setTimeout(() => void runner?.trigger(), Date.parse(at) - Date.now() + RETRY_MARGIN_MS);
    retry.unref();
  };
  return {
    /** For EngineOptions.onIndexChanged. */
    onIndexChanged(): Promise<void> | undefined {
      return runner?.trigger();
    },
    /** Once the client is ready; resolves after the first run. */
    start(engine: Engine, state: State, client: Client): Promise<void> {
      const deps = {
        gaps: state.gaps,
        ask: (query: string) =>
          engine.knowledge.ask(query, { limit: citationsToAsk(0), mode: 'question' as const }),
        send: noticeSender(noticeChannels(client)),
        logger,
      };
      runner = new CoalescingRunner(
        async () => {
          const report = await reaskPending(deps);
          logger.info(report, 'unanswered questions asked again');
          retryAt(report.retryAt);
        },
        (error) => logger.error({ err: error }, 'could not ask the unanswered questions again'),
      );
      return runner.trigger();
    },
    /** At shutdown: no run after it. */
    stop(): void {
      clearTimeout(retry);
      runner = null;
    },
  };
}
