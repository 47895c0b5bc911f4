import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import type { Engine } from '../engine/engine.js';
import type { FeedbackLog } from '../feedback/feedbackLog.js';
import type { Cooldown } from './cooldown.js';
import type { ModLog } from './modLog.js';
import type { QueryStore } from './queryStore.js';

/** What every command and button handler gets: the engine and the bot's shared state. */
export interface BotContext {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  queries: QueryStore;
  cooldown: Cooldown;
  /** Members' votes, flags and unanswered questions (DATA_DIR/feedback.jsonl). */
  feedback: FeedbackLog;
  /** Posts to MOD_LOG_CHANNEL_ID; a no-op when unset; never throws. */
  modLog: ModLog;
}
