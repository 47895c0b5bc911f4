/** Reading one environment variable as a checked value: the errors name the variable and what it must be. */

import { optional } from './engineConfig.js';
import { ConfigError } from './errors.js';

type Env = Record<string, string | undefined>;

const SNOWFLAKE = /^\d{17,20}$/;

/** Echoes a value in an error only when it cannot be a secret (a short number); else just its length. */
function shown(value: string): string {
  return /^[-+.\d]{1,20}$/.test(value) ? `"${value}"` : `a value of ${value.length} characters`;
}

export function snowflake(variable: string, value: string, what = 'must be'): string {
  if (!SNOWFLAKE.test(value))
    throw new ConfigError(variable, `${what} a Discord id of 17–20 digits (got ${shown(value)})`);
  return value;
}

export function optionalSnowflake(env: Env, variable: string): string | null {
  const value = optional(env, variable);
  return value === undefined ? null : snowflake(variable, value);
}

export function readInt(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const value = optional(env, variable);
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(variable, `must be a whole number from ${min} to ${max} (got ${shown(value)})`);
  return n;
}

export function readBool(env: Env, variable: string, fallback: boolean): boolean {
  const value = optional(env, variable)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(variable, 'must be true or false');
}
