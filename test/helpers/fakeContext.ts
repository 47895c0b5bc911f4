import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Logger } from 'pino';
import { BUNDLED_KNOWLEDGE } from '../../harness/tempKnowledge.js';
import type { BotConfig } from '../../src/config/botConfig.js';
import type { BotContext } from '../../src/discord/botContext.js';
import { Cooldown, type CooldownLimits } from '../../src/discord/cooldown.js';
import { QueryStore } from '../../src/discord/queryStore.js';
import type { MessagePayload } from '../../src/discord/send/payload.js';
import { Engine } from '../../src/engine/engine.js';
import { FeedbackLog } from '../../src/feedback/feedbackLog.js';
import type { FeedbackRecord } from '../../src/feedback/feedbackRecord.js';
import type { State } from '../../src/storage/state.js';
import { recordingLogger } from './recordingLogger.js';

/**
 * The bundled knowledge, indexed in memory once for a whole test file (nothing is written): the
 * engine the in-process interaction tests answer from.
 */
export function useBundledEngine(): () => Engine {
  let engine: Engine | undefined;
  let dataDir: string | undefined;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crisis-desk-unit-'));
    engine = await Engine.open({ knowledgeDir: BUNDLED_KNOWLEDGE, dataDir, persist: false });
  });
  after(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));
  return () => {
    if (!engine) throw new Error('the engine opens before the tests run');
    return engine;
  };
}

export interface FakeContextOptions {
  cooldown?: CooldownLimits;
  moderatorRoleIds?: string[];
}

/**
 * A BotContext of real parts where they are cheap (query store, cooldown, feedback log over an
 * in-memory store) and recorders where the bot talks to the outside (logger, mod-log channel).
 * The lasting state (SQLite) is left out: commands that need it are tested end to end.
 */
export function fakeContext(engine: Engine | null, options: FakeContextOptions = {}) {
  const log = recordingLogger();
  const feedback: FeedbackRecord[] = [];
  const modLog: MessagePayload[] = [];
  const config = {
    moderatorRoleIds: options.moderatorRoleIds ?? [],
    cooldown: options.cooldown ?? { questions: 100, seconds: 30 },
  } as Partial<BotConfig> as BotConfig;
  const ctx: BotContext = {
    engine: engine ?? (null as unknown as Engine),
    config,
    logger: log.logger as unknown as Logger,
    queries: new QueryStore(),
    cooldown: new Cooldown(config.cooldown),
    feedback: new FeedbackLog({ append: async (record) => void feedback.push(record) }, log.logger),
    state: null as unknown as State,
    modLog: async (payload) => void modLog.push(payload),
  };
  return { ctx, log, feedback, modLog };
}
