/** Discord epoch (2015-01-01T00:00:00.000Z) in milliseconds. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** Returns a new Discord-style snowflake (19 digits for current dates), unique within this process. */
export function snowflake(timestampMs: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  const id = ((BigInt(timestampMs) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment;
  return id.toString();
}

/** Extracts the creation time (ms since the Unix epoch) from a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
