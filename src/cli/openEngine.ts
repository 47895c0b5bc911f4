import { type LogLevel, loadDotEnv, readEngineConfig } from '../config/engineConfig.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../log/createLogger.js';

/** The engine as the command-line tools use it: configured from the environment, logging to stderr. */
export async function openEngine(defaultLogLevel: LogLevel = 'warn', syncOnOpen = true): Promise<Engine> {
  loadDotEnv();
  const config = readEngineConfig(process.env, defaultLogLevel);
  const logger = createLogger({ level: config.logLevel });
  return Engine.open({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, logger, syncOnOpen });
}
