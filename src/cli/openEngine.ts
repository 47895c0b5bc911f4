import { type LogLevel, loadDotEnv, readEngineConfig } from '../config/engineConfig.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../log/createLogger.js';
import { forTerminal } from '../util/forTerminal.js';
import { openReader } from './openReader.js';

function configured(defaultLogLevel: LogLevel) {
  loadDotEnv();
  const config = readEngineConfig(process.env, defaultLogLevel);
  return {
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    logger: createLogger({ level: config.logLevel }),
  };
}

/** The engine as the command-line tools use it: configured from the environment, logging to stderr. */
export async function openEngine(defaultLogLevel: LogLevel = 'warn', syncOnOpen = true): Promise<Engine> {
  return Engine.open({ ...configured(defaultLogLevel), syncOnOpen });
}

/** The saved index for a reading command (see openReader); notices go to stderr. */
export function openSavedIndex(sync: boolean): Promise<Engine> {
  return openReader({
    ...configured('warn'),
    sync,
    // The line may echo the configured folder's name.
    notice: (line) => process.stderr.write(`${forTerminal(line, { oneLine: true })}\n`),
  });
}
