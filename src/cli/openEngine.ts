import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LogLevel, readEngineConfig } from '../config/engineConfig.js';
import { readDatabaseUrl } from '../config/serviceConfig.js';
import { Engine } from '../engine/engine.js';
import { pgIndexCoordination } from '../engine/pgIndexCoordination.js';
import { createLogger } from '../log/createLogger.js';
import { forTerminal } from '../util/forTerminal.js';
import { UsageError } from './errors.js';
import { openReader } from './openReader.js';
import type { CliIo } from './runCli.js';

type EngineIo = Pick<CliIo, 'env' | 'stderr'>;

function configured(io: EngineIo, defaultLogLevel: LogLevel) {
  const config = readEngineConfig(io.env, defaultLogLevel);
  return {
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    logger: createLogger({ level: config.logLevel, destination: io.stderr }),
  };
}

/** The engine as the command-line tools use it: configured from the environment, logging to stderr. */
export async function openEngine(
  io: EngineIo,
  defaultLogLevel: LogLevel = 'warn',
  syncOnOpen = true,
): Promise<Engine> {
  const options = configured(io, defaultLogLevel);
  // With DATABASE_URL the bot's replicas take turns through PostgreSQL: so does the command line.
  const databaseUrl = readDatabaseUrl(io.env);
  const coordination = databaseUrl ? pgIndexCoordination(databaseUrl, options.logger) : undefined;
  return Engine.open({ ...options, syncOnOpen, ...(coordination && { coordination }) });
}

/** The saved index for a reading command (see openReader); notices go to stderr. */
export function openSavedIndex(io: EngineIo, sync: boolean): Promise<Engine> {
  return openReader({
    ...configured(io, 'warn'),
    sync,
    // The line may echo the configured folder's name.
    notice: (line) => io.stderr.write(`${forTerminal(line, { oneLine: true })}\n`),
  });
}

/**
 * An index in memory over the knowledge folder and the documents of `extra` folders together (nothing is
 * saved): for question sets written over documents the knowledge does not ship. A file name in two of the
 * folders is refused rather than one hiding the other.
 */
export async function openWithDocuments(io: EngineIo, extra: readonly string[]): Promise<Engine> {
  const { knowledgeDir, logger } = configured(io, 'warn');
  const merged = await mkdtemp(path.join(tmpdir(), 'crisis-desk-with-'));
  try {
    for (const dir of [knowledgeDir, ...extra])
      await cp(dir, merged, { recursive: true, force: false, errorOnExist: true }).catch((error) => {
        throw new UsageError(`cannot add ${dir}: ${(error as Error).message}`);
      });
    return await Engine.open({
      knowledgeDir: merged,
      dataDir: path.join(merged, 'unsaved'),
      persist: false,
      logger,
    });
  } finally {
    await rm(merged, { recursive: true, force: true });
  }
}
