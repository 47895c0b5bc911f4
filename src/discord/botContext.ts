import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import type { FetchConfig } from '../config/fetchConfig.js';
import type { Engine } from '../engine/engine.js';
import type { KnowledgeReader } from '../engine/knowledgeReader.js';
import type { FeedbackLog } from '../feedback/feedbackLog.js';
import type { Metrics } from '../ops/metrics.js';
import type { State } from '../state/state.js';
import type { ModLog } from './modLog.js';
import type { Cooldown } from './sessions/cooldown.js';
import type { PendingArticles } from './sessions/pendingArticles.js';
import type { QueryStore } from './sessions/queryStore.js';

/** What every command and button handler gets: the knowledge, the engine and the bot's shared state. */
export interface BotContext {
  /** The read side: answers, search, passages and lists, always from the index being served. */
  knowledge: KnowledgeReader;
  /** The write side: reindex, rollback, and what is running. */
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  queries: QueryStore;
  cooldown: Cooldown;
  /** Members' votes, flags and unanswered questions (written through state.feedback). */
  feedback: FeedbackLog;
  /** The lasting state (DATA_DIR/state.db): feedback, gaps, feeds, the review queue, the audit. */
  state: State;
  /** Posts to MOD_LOG_CHANNEL_ID; a no-op when unset; never throws. */
  modLog: ModLog;
  /** How pages are fetched for /knowledge add url: (FETCH_ALLOW_PRIVATE). */
  fetch: FetchConfig;
  /** Article previews waiting for Add or Cancel. */
  articles: PendingArticles;
  /** Counts interactions, answers and errors for /metrics (a no-op without OPS_PORT). */
  metrics: Metrics;
  /** Polls the due feeds soon (after a round under way): a feed just added or resumed; a no-op while feeds are not polled. */
  pollFeedsNow(): void;
}
