import type { Client } from 'discord.js';
import type { BotConfig } from '../config/botConfig.js';
import type { Engine } from '../engine/engine.js';
import type { Log } from '../log/log.js';
import type { PgLeadership } from '../state/postgres/pgLeadership.js';
import type { State } from '../state/state.js';
import { watchKnowledgeFolder } from './keepIndexCurrent.js';
import type { RunningFeeds } from './startFeeds.js';
import type { tellMeOnIndexChange } from './tellMeOnIndexChange.js';

export interface OnceJobsDeps {
  engine: Engine;
  state: State;
  client: Client;
  config: BotConfig;
  logger: Log;
  feeds: RunningFeeds;
  gapNotices: ReturnType<typeof tellMeOnIndexChange>;
  /** Among replicas, only the leader runs them; null: this process is the only one. */
  leadership: PgLeadership | null;
}

/**
 * The jobs that must run once however many replicas serve: feed polling, Tell me notices after a
 * change of the index, the knowledge folder watcher. Started once Discord can be reached, on this
 * process alone or, among replicas, on the leader (taken over by another when it dies).
 */
export function onceJobs(deps: OnceJobsDeps): { start(): void; stop(): Promise<void> } {
  let stopWatching: (() => void) | null = null;
  const begin = () => {
    void deps.gapNotices.start(deps.engine, deps.state, deps.client);
    void deps.feeds.start();
    stopWatching ??= watchKnowledgeFolder(deps.engine, deps.config, deps.logger);
  };
  const end = async () => {
    deps.gapNotices.stop();
    stopWatching?.();
    stopWatching = null;
    await deps.feeds.stop();
  };
  return {
    start() {
      if (deps.leadership) deps.leadership.start({ lead: begin, lost: () => void end() });
      else begin();
    },
    async stop() {
      await deps.leadership?.stop();
      await end();
    },
  };
}
