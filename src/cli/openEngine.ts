import { type LogLevel, readEngineConfig } from '../config/engineConfig.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../log/createLogger.js';
import { forTerminal } from '../util/forTerminal.js';
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
  return Engine.open({ ...configured(io, defaultLogLevel), syncOnOpen });
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
