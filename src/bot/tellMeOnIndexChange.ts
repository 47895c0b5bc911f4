import type { Client } from 'discord.js';
import { citationsToAsk } from '../discord/answerReply.js';
import { noticeChannels, tellMember } from '../discord/gaps/tellMember.js';
import type { Engine } from '../engine/engine.js';
import { reaskPending } from '../gaps/reaskPending.js';
import type { Log } from '../log/log.js';
import type { State } from '../state/state.js';
import { CoalescingRunner } from '../util/coalescingRunner.js';

/**
 * "Tell me when this is covered", end to end: after every change of the served documents the
 * pending questions are asked again, as /ask asks them, and the members waiting on the answered
 * ones are told. Changes before the client is ready are covered by the run at start, which also
 * tells those a restart interrupted.
 */
export function tellMeOnIndexChange(logger: Log) {
  let runner: CoalescingRunner | null = null;
  return {
    /** For EngineOptions.onIndexChanged. */
    onIndexChanged(): Promise<void> | undefined {
      return runner?.trigger();
    },
    /** Once the client is ready; resolves after the first run. */
    start(engine: Engine, state: State, client: Client): Promise<void> {
      const channels = noticeChannels(client);
      const deps = {
        gaps: state.gaps,
        ask: (query: string) =>
          engine.knowledge.ask(query, { limit: citationsToAsk(0), mode: 'question' as const }),
        tell: tellMember.bind(null, channels),
        logger,
      };
      runner = new CoalescingRunner(
        async () => logger.info(await reaskPending(deps), 'unanswered questions asked again'),
        (error) => logger.error({ err: error }, 'could not ask the unanswered questions again'),
      );
      return runner.trigger();
    },
  };
}
