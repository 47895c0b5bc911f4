import type { BotConfig } from '../config/botConfig.js';
import { type Cooldown, MemoryCooldown } from '../discord/sessions/cooldown.js';
import { MemoryPendingArticles, type PendingArticles } from '../discord/sessions/pendingArticles.js';
import { PgCooldown } from '../discord/sessions/pgCooldown.js';
import { PgPendingArticles } from '../discord/sessions/pgPendingArticles.js';
import { PgQueryStore } from '../discord/sessions/pgQueryStore.js';
import { MemoryQueryStore, type QueryStore } from '../discord/sessions/queryStore.js';
import { PgState } from '../state/postgres/pgState.js';
import type { State } from '../state/state.js';

/** What lives between one interaction and the next: the questions behind buttons, previews, cooldowns. */
export interface SessionStores {
  queries: QueryStore;
  articles: PendingArticles;
  cooldown: Cooldown;
}

/**
 * In memory for one process; in the state's PostgreSQL when there is one, so that replicas share them
 * (a button answered by one replica pressed on another, one cooldown per member).
 */
export function sessionStores(state: State, config: Pick<BotConfig, 'cooldown'>): SessionStores {
  if (state instanceof PgState)
    return {
      queries: new PgQueryStore(state.pool),
      articles: new PgPendingArticles(state.pool),
      cooldown: new PgCooldown(state.pool, config.cooldown),
    };
  return {
    queries: new MemoryQueryStore(),
    articles: new MemoryPendingArticles(),
    cooldown: new MemoryCooldown(config.cooldown),
  };
}
