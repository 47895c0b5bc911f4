export interface CooldownLimits {
  /** At most this many questions… */
  questions: number;
  /** …within any window of this many seconds. */
  seconds: number;
  /** Members tracked at once; beyond it the least recently active member is forgotten. */
  maxMembers?: number;
}

export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A sliding-window limit of questions per member (by hashed id): in memory for one process
 * (MemoryCooldown), in PostgreSQL when replicas must share it (PgCooldown).
 */
export interface Cooldown {
  /** Counts one question for the member, or says how long to wait when the window is full. */
  take(member: string): Promise<CooldownResult>;
}

/** Checks the limits once, for every implementation. */
export function checkCooldownLimits({ questions, seconds, maxMembers = 10_000 }: CooldownLimits): void {
  for (const [name, value] of Object.entries({ questions, seconds, maxMembers }))
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
}

/** Seconds to wait until the oldest take of a full window leaves it: at least 1. */
export const retryAfterSeconds = (oldestMs: number, windowMs: number, nowMs: number) =>
  Math.max(1, Math.ceil((oldestMs + windowMs - nowMs) / 1000));

/**
 * The cooldown of one process. Memory stays bounded: members whose window has emptied are pruned,
 * and at most maxMembers are tracked.
 */
export class MemoryCooldown implements Cooldown {
  readonly #questions: number;
  readonly #windowMs: number;
  readonly #maxMembers: number;
  readonly #now: () => number;
  /** Take times per member, oldest first; the map is ordered by each member's latest take. */
  readonly #takes = new Map<string, number[]>();

  constructor({ questions, seconds, maxMembers = 10_000 }: CooldownLimits, now: () => number = Date.now) {
    checkCooldownLimits({ questions, seconds, maxMembers });
    this.#questions = questions;
    this.#windowMs = seconds * 1000;
    this.#maxMembers = maxMembers;
    this.#now = now;
  }

  /** Members currently tracked (for tests and metrics). */
  get size(): number {
    return this.#takes.size;
  }

  async take(memberId: string): Promise<CooldownResult> {
    const now = this.#now();
    this.#prune(now);
    const takes = (this.#takes.get(memberId) ?? []).filter((t) => now - t < this.#windowMs);
    const oldest = takes[0];
    if (takes.length >= this.#questions && oldest !== undefined) {
      this.#takes.set(memberId, takes);
      return { ok: false, retryAfterSeconds: retryAfterSeconds(oldest, this.#windowMs, now) };
    }
    takes.push(now);
    this.#takes.delete(memberId);
    this.#takes.set(memberId, takes);
    while (this.#takes.size > this.#maxMembers) {
      const first = this.#takes.keys().next();
      if (first.done) break;
      this.#takes.delete(first.value);
    }
    return { ok: true };
  }

  /** Drops members whose latest take has left the window, walking from the least recently active. */
  #prune(now: number): void {
    for (const [memberId, takes] of this.#takes) {
      const latest = takes[takes.length - 1];
      if (latest !== undefined && now - latest < this.#windowMs) break;
      this.#takes.delete(memberId);
    }
  }
}
