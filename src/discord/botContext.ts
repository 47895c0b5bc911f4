import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import type { Engine } from '../engine/engine.js';
import type { Cooldown } from './cooldown.js';
import type { QueryStore } from './queryStore.js';

/** What every command and button handler gets: the engine and the bot's shared state. */
export interface BotContext {
  engine: Engine;
  config: BotConfig;
  logger: Logger;
  queries: QueryStore;
  cooldown: Cooldown;
}
