import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/engineConfig.js';
import { serializeError } from './serializeError.js';

/** Paths pino masks in every line: nothing that could hold the bot token reaches a log. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.token',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level: LogLevel;
  /** Pretty lines for a developer's terminal (pino-pretty, a dev dependency). */
  pretty?: boolean;
  destination?: DestinationStream;
  /** Where pino-pretty is installed; throws when it is not (a production install leaves it out). */
  resolvePretty?: () => string;
}

const resolveInstalled = () => createRequire(import.meta.url).resolve('pino-pretty');

export function createLogger({
  level,
  pretty = false,
  destination,
  resolvePretty = resolveInstalled,
}: LoggerOptions): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  let prettyTarget: string | null = null;
  if (pretty) {
    try {
      prettyTarget = resolvePretty();
    } catch {
      // Reported below, through the JSON logger that takes its place.
    }
  }
  if (prettyTarget !== null)
    return pino({ ...options, transport: { target: prettyTarget, options: { destination: 2 } } });
  const logger = pino(options, destination ?? pino.destination(2));
  if (pretty)
    logger.warn(
      'pino-pretty is not installed (a development dependency, left out by npm install --omit=dev); logging JSON lines instead of pretty ones (LOG_PRETTY, NODE_ENV=development)',
    );
  return logger;
}
