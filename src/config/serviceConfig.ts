/** How the bot runs as a service: which transport serves interactions, the ops endpoints, where state lives. */

import { optional } from './engineConfig.js';
import { readInt } from './envValues.js';
import { ConfigError } from './errors.js';

type Env = Record<string, string | undefined>;

export type InteractionsMode = 'gateway' | 'http';

export interface Listen {
  host: string;
  port: number;
}

export interface ServiceConfig {
  /** INTERACTIONS_MODE: `gateway` (default) or `http` (Discord POSTs interactions to /interactions). */
  interactionsMode: InteractionsMode;
  /** HTTP_HOST, HTTP_PORT: where /interactions listens in http mode (default 127.0.0.1:8080). */
  http: Listen;
  /** DISCORD_PUBLIC_KEY: the application's Ed25519 public key, 32 bytes as hex; required in http mode. */
  publicKey: string | null;
  /** OPS_HOST, OPS_PORT: /healthz, /readyz and /metrics; null when OPS_PORT is unset. */
  ops: Listen | null;
  /** DATABASE_URL: PostgreSQL for every piece of state; null keeps SQLite in DATA_DIR. Never logged. */
  databaseUrl: string | null;
}

const PUBLIC_KEY = /^[0-9a-f]{64}$/i;

function readHost(env: Env, variable: string): string {
  const value = optional(env, variable) ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(value))
    throw new ConfigError(variable, 'must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0');
  return value;
}

function readMode(env: Env): InteractionsMode {
  const value = optional(env, 'INTERACTIONS_MODE')?.toLowerCase() ?? 'gateway';
  if (value !== 'gateway' && value !== 'http')
    throw new ConfigError('INTERACTIONS_MODE', 'must be gateway or http');
  return value;
}

function readPublicKey(env: Env, mode: InteractionsMode): string | null {
  const value = optional(env, 'DISCORD_PUBLIC_KEY');
  if (value === undefined) {
    if (mode === 'http')
      throw new ConfigError(
        'DISCORD_PUBLIC_KEY',
        'is required with INTERACTIONS_MODE=http (the Public Key on the application’s General Information page)',
      );
    return null;
  }
  if (!PUBLIC_KEY.test(value))
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY',
      `must be 64 hexadecimal characters (got ${value.length} characters)`,
    );
  return value.toLowerCase();
}

/** DATABASE_URL, checked: also read by the command line, which needs no other service setting. */
export function readDatabaseUrl(env: Env): string | null {
  const value = optional(env, 'DATABASE_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'must be a URL such as postgres://user:password@host:5432/crisis_desk',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new ConfigError(
      'DATABASE_URL',
      'must be a postgres:// URL (unset it to keep state in DATA_DIR/state.db)',
    );
  return value;
}

export function readServiceConfig(env: Env): ServiceConfig {
  const interactionsMode = readMode(env);
  const opsPort = optional(env, 'OPS_PORT');
  return {
    interactionsMode,
    http: { host: readHost(env, 'HTTP_HOST'), port: readInt(env, 'HTTP_PORT', 8080, 1, 65535) },
    publicKey: readPublicKey(env, interactionsMode),
    ops:
      opsPort === undefined
        ? null
        : { host: readHost(env, 'OPS_HOST'), port: readInt(env, 'OPS_PORT', 0, 1, 65535) },
    databaseUrl: readDatabaseUrl(env),
  };
}
