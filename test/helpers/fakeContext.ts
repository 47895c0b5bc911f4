import { after, before } from 'node:test';
import type { Logger } from 'pino';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import type { BotConfig } from '../../src/config/botConfig.js';
import type { BotContext } from '../../src/discord/botContext.js';
import type { MessagePayload } from '../../src/discord/send/payload.js';
import { type CooldownLimits, MemoryCooldown } from '../../src/discord/sessions/cooldown.js';
import { MemoryPendingArticles } from '../../src/discord/sessions/pendingArticles.js';
import { MemoryQueryStore } from '../../src/discord/sessions/queryStore.js';
import { Engine } from '../../src/engine/engine.js';
import type { KnowledgeReader } from '../../src/engine/knowledgeReader.js';
import { FeedbackLog } from '../../src/feedback/feedbackLog.js';
import { noMetrics } from '../../src/ops/metrics.js';
import type { FeedbackRecord } from '../../src/state/feedbackRecord.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { recordingLogger } from './recordingLogger.js';

/**
 * A scratch copy of the bundled knowledge, indexed in memory once for a whole test file (no index
 * is written): the engine the in-process interaction tests answer from.
 */
export function useBundledEngine(): BundledEngine {
  let engine: Engine | undefined;
  let ws: Awaited<ReturnType<typeof tempWorkspace>> | undefined;
  before(async () => {
    ws = await tempWorkspace();
    engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  });
  after(() => ws?.cleanup());
  const opened = () => {
    if (!engine || !ws) throw new Error('the engine opens before the tests run');
    return { engine, ws };
  };
  return Object.assign(() => opened().engine, {
    dirs: () => ({ knowledgeDir: opened().ws.knowledgeDir, dataDir: opened().ws.dataDir }),
  });
}

/** The engine, and the folders it reads (the bot's KNOWLEDGE_DIR and DATA_DIR). */
export type BundledEngine = (() => Engine) & { dirs(): { knowledgeDir: string; dataDir: string } };

export interface FakeContextOptions {
  cooldown?: CooldownLimits;
  moderatorRoleIds?: string[];
  knowledgeDir?: string;
  dataDir?: string;
}

/**
 * A BotContext of real parts where they are cheap (query store, cooldown, feedback log over an
 * in-memory store) and recorders where the bot talks to the outside (logger, mod-log channel).
 * The lasting state is a real SQLite database in memory.
 */
export function fakeContext(engine: Engine | null, options: FakeContextOptions = {}) {
  const log = recordingLogger();
  const feedback: FeedbackRecord[] = [];
  const modLog: MessagePayload[] = [];
  const config = {
    ...(options.knowledgeDir === undefined ? {} : { knowledgeDir: options.knowledgeDir }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    moderatorRoleIds: options.moderatorRoleIds ?? [],
    cooldown: options.cooldown ?? { questions: 100, seconds: 30 },
  } as Partial<BotConfig> as BotConfig;
  const ctx: BotContext = {
    engine: engine ?? (null as unknown as Engine),
    knowledge: engine?.knowledge ?? (null as unknown as KnowledgeReader),
    fetch: { allowPrivate: false },
    articles: new MemoryPendingArticles(),
    config,
    logger: log.logger as unknown as Logger,
    queries: new MemoryQueryStore(),
    cooldown: new MemoryCooldown(config.cooldown),
    feedback: new FeedbackLog({ append: async (record) => void feedback.push(record) }, log.logger),
    state: SqliteState.open({ path: MEMORY }),
    modLog: async (payload) => void modLog.push(payload),
    pollFeedsNow: () => {},
    metrics: noMetrics,
  };
  return { ctx, log, feedback, modLog };
}
