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
}

export function createLogger({ level, pretty = false, destination }: LoggerOptions): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2 } } });
  return pino(options, destination ?? pino.destination(2));
}
