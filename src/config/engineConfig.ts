import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError } from './errors.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface EngineConfig {
  knowledgeDir: string;
  dataDir: string;
  logLevel: LogLevel;
}

type Env = Record<string, string | undefined>;

let loaded = false;

/** Reads .env into process.env once; variables already set win. */
export function loadDotEnv(): void {
  if (loaded) return;
  loaded = true;
  dotenv.config({ quiet: true });
}

export function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function readLogLevel(env: Env, fallback: LogLevel): LogLevel {
  const value = optional(env, 'LOG_LEVEL') ?? fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    // The value is echoed only when short: a secret pasted into the wrong variable stays out of the message.
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')} (got ${value.length <= 12 ? `"${value}"` : `${value.length} characters`})`,
    );
  return value as LogLevel;
}

export function readEngineConfig(env: Env = process.env, defaultLogLevel: LogLevel = 'info'): EngineConfig {
  return {
    knowledgeDir: resolve(optional(env, 'KNOWLEDGE_DIR') ?? 'knowledge'),
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    logLevel: readLogLevel(env, defaultLogLevel),
  };
}
