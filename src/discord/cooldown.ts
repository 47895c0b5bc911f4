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
 * A sliding-window limit per member. Memory stays bounded: members whose window has emptied are
 * pruned, and at most maxMembers are tracked.
 */
export class Cooldown {
  readonly #questions: number;
  readonly #windowMs: number;
  readonly #maxMembers: number;
  readonly #now: () => number;
  /** Take times per member, oldest first; the map is ordered by each member's latest take. */
  readonly #takes = new Map<string, number[]>();

  constructor({ questions, seconds, maxMembers = 10_000 }: CooldownLimits, now: () => number = Date.now) {
    for (const [name, value] of Object.entries({ questions, seconds, maxMembers }))
      if (!Number.isSafeInteger(value) || value < 1)
        throw new RangeError(`${name} must be a positive integer`);
    this.#questions = questions;
    this.#windowMs = seconds * 1000;
    this.#maxMembers = maxMembers;
    this.#now = now;
  }

  /** Members currently tracked (for tests and metrics). */
  get size(): number {
    return this.#takes.size;
  }

  /** Counts one question for the member, or says how long to wait when the window is full. */
  take(memberId: string): CooldownResult {
    const now = this.#now();
    this.#prune(now);
    const takes = (this.#takes.get(memberId) ?? []).filter((t) => now - t < this.#windowMs);
    const oldest = takes[0];
    if (takes.length >= this.#questions && oldest !== undefined) {
      this.#takes.set(memberId, takes);
      const waitMs = oldest + this.#windowMs - now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
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
