import { Events } from 'discord.js';
import { commands } from '../../commands/index.js';
import { type BotConfig, describeMissingToken, readBotConfig } from '../config/botConfig.js';
import { loadDotEnv } from '../config/engineConfig.js';
import { ConfigError, MissingTokenError } from '../config/errors.js';
import { type FetchConfig, readFetchConfig } from '../config/fetchConfig.js';
import { buttonHandlers } from '../discord/buttons/index.js';
import { handleInteraction, registryOf } from '../discord/handleInteraction.js';
import { HttpBridge } from '../discord/httpBridge.js';
import { modalHandlers } from '../discord/modals/index.js';
import { channelFinder, createModLog } from '../discord/modLog.js';
import { Engine } from '../engine/engine.js';
import { fileCoordination } from '../engine/indexCoordination.js';
import { releaseIndexLocks } from '../engine/indexLock.js';
import { pgIndexCoordination } from '../engine/pgIndexCoordination.js';
import { warmUpQueries } from '../engine/warmUpQueries.js';
import { FeedbackLog } from '../feedback/feedbackLog.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';
import { sweepInterruptedWrites } from '../knowledge/sweepInterruptedWrites.js';
import { createLogger } from '../log/createLogger.js';
import { useIdSalt } from '../log/hashId.js';
import { persistentIdSalt } from '../log/idSalt.js';
import { noMetrics, PromMetrics } from '../ops/metrics.js';
import { openState } from '../state/openState.js';
import { PgLeadership } from '../state/postgres/pgLeadership.js';
import { forTerminal } from '../util/forTerminal.js';
import { InFlight } from '../util/inFlight.js';
import { createClient } from './createClient.js';
import { followSavedIndexes } from './keepIndexCurrent.js';
import { onceJobs } from './onceJobs.js';
import { Readiness, serveOps } from './serveOps.js';
import { serveOverHttp } from './serveOverHttp.js';
import { sessionStores } from './sessionStores.js';
import { startFeeds } from './startFeeds.js';
import { tellMeOnIndexChange } from './tellMeOnIndexChange.js';
import { createShutdown, handleStrayErrors, shutDownOnSignals } from './watchProcess.js';

/** A message that echoes configured values (a folder name, LOG_LEVEL) on a terminal: no control sequence, one line. */
const oneLine = (text: string) => forTerminal(text, { oneLine: true });

/** How long interactions under way may take to finish at shutdown (the process bound is above it). */
const DRAIN_MS = 10_000;

/** A temporary file this old was left by a killed process: writing one takes milliseconds. */
const ABANDONED_UPLOAD_MS = 60_000;

async function main(): Promise<number> {
  loadDotEnv();
  let config: BotConfig;
  let fetch: FetchConfig;
  try {
    config = readBotConfig();
    fetch = readFetchConfig();
  } catch (error) {
    if (error instanceof MissingTokenError) {
      process.stderr.write(`${describeMissingToken()}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, pretty: config.prettyLogs });
  // Closing runs the steps added below last first: the client, the index's upkeep, the state
  // database, then the lock.
  const shutdown = createShutdown(logger, { boundMs: DRAIN_MS + 5_000 });
  shutdown.onClose(releaseIndexLocks);
  handleStrayErrors(logger, shutdown);
  shutDownOnSignals(logger, shutdown);

  if (!process.env.LOG_ID_SALT?.trim()) useIdSalt(await persistentIdSalt(config.dataDir));
  const { state, imported } = await openState({
    dataDir: config.dataDir,
    databaseUrl: config.service.databaseUrl,
    onIdleError: (error) =>
      logger.warn({ err: error }, 'a PostgreSQL connection failed while idle; reconnecting on next use'),
  });
  shutdown.onClose(() => state.close());
  if (imported)
    logger.info({ ...imported, location: state.location }, 'imported feedback.jsonl into the state database');
  const gapNotices = tellMeOnIndexChange(logger);
  const { databaseUrl } = config.service;
  const coordination = databaseUrl
    ? pgIndexCoordination(databaseUrl, logger)
    : fileCoordination(config.dataDir, logger);
  shutdown.onClose(() => coordination.close());
  let served: Engine | null = null;
  const metrics = config.service.ops
    ? new PromMetrics(() => served?.knowledge.info() ?? { documents: 0, passages: 0 })
    : noMetrics;
  const readiness = new Readiness();
  if (config.service.ops)
    await serveOps(config.service.ops, metrics as PromMetrics, readiness, state, logger, shutdown);
  const engine = await Engine.open({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    logger,
    onIndexChanged: gapNotices.onIndexChanged,
    coordination,
    onReindexed: (report) => metrics.reindexed(report.ms / 1000),
  });
  served = engine;
  readiness.indexLoaded = true;
  // While the bot logs in: a one-question CLI or a test has nothing to gain from it.
  warmUpQueries(engine.current).catch((err: unknown) => logger.warn({ err }, 'the query warm-up failed'));
  const swept = await sweepInterruptedWrites(config.knowledgeDir, config.dataDir, ABANDONED_UPLOAD_MS);
  if (swept.knowledge.length > 0)
    logger.warn(
      { files: swept.knowledge },
      'removed temporary uploads left by an interrupted /knowledge add',
    );
  if (swept.trash.length > 0)
    logger.warn(
      { files: swept.trash },
      'removed temporary copies left in the trash by an interrupted /knowledge remove',
    );
  shutdown.onClose(followSavedIndexes(engine, coordination));
  const http = config.service.interactionsMode === 'http' ? new HttpBridge(logger) : null;
  const client = createClient(config, http?.makeRequest);
  shutdown.onClose(() => client.destroy());
  const shared = {
    knowledge: engine.knowledge,
    engine,
    config,
    logger,
    ...sessionStores(state, config),
    feedback: new FeedbackLog(state.feedback, logger),
    state,
    modLog: createModLog(channelFinder(client), config.modLogChannelId, logger),
    fetch,
    metrics,
  };
  const feeds = startFeeds(shared, client);
  const jobs = onceJobs({
    engine,
    state,
    client,
    config,
    logger,
    feeds,
    gapNotices,
    leadership: databaseUrl ? new PgLeadership(databaseUrl, logger) : null,
  });
  shutdown.onClose(jobs.stop);
  const ctx = { ...shared, pollFeedsNow: feeds.pollNow };
  const registry = registryOf(commands, buttonHandlers, modalHandlers);
  const answering = new InFlight();
  client.on(
    Events.InteractionCreate,
    (interaction) => void answering.track(handleInteraction(interaction, ctx, registry)),
  );
  // Runs before the client and the state close: interactions under way finish (bounded).
  shutdown.onClose(async () => {
    if (answering.size === 0) return;
    logger.info({ interactions: answering.size }, 'letting the interactions under way finish');
    if (!(await answering.drain(DRAIN_MS)))
      logger.warn({ boundMs: DRAIN_MS }, 'interactions still running at shutdown');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, retryAfterMs: info.retryAfter, global: info.global },
      'rate limited by Discord; waiting',
    ),
  );
  if (http) {
    await serveOverHttp(http, client, config, logger, shutdown);
    readiness.discord = () => true;
    logger.info({ mode: 'http', passages: engine.knowledge.info().passages }, 'ready');
    jobs.start();
    return 0;
  }
  readiness.discord = () => client.isReady();
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      {
        mode: 'gateway',
        user: ready.user.tag,
        guilds: ready.guilds.cache.size,
        passages: engine.knowledge.info().passages,
      },
      'ready',
    );
    jobs.start();
  });
  await client.login(config.token);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    // With a saved index the bot serves it while the folder is missing; without one it would only
    // answer "not found", which members would take for the truth: it refuses instead, in one line.
    if (error instanceof KnowledgeFolderError) {
      process.stderr.write(
        `crisis-desk could not start: ${oneLine(error.message)}, and DATA_DIR holds no saved index to serve meanwhile; set KNOWLEDGE_DIR to the folder of documents\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `crisis-desk could not start: ${oneLine(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
