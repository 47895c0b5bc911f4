import { createHash } from 'node:crypto';
import type { AnswerMode } from '../../search/abstain.js';
import { foldText } from '../../text/fold.js';
import { UserError } from '../errors.js';

/** Filters a question was asked with; what callers pass to put(). */
export interface QueryExtraInput {
  outlet?: string | null;
  since?: string | null;
  until?: string | null;
}

/** The filters as stored: every field present, null when not used. */
export interface QueryExtra {
  outlet: string | null;
  since: string | null;
  until: string | null;
}

export interface StoredQuery {
  query: string;
  extra: QueryExtra;
  /** Present when the text was checked as a claim (Find sources): its buttons must check it the same way. */
  mode?: 'claim';
  /** Present once an answer to it was posted where other members see it (not privately, not in a DM). */
  shownPublicly?: true;
}

/** Where an answer was posted: `public` only where other members see it. */
export type Audience = 'public' | 'private';

/**
 * Recent questions by short key, so a button's custom_id can say which question it belongs to: in
 * memory for one process (MemoryQueryStore), in PostgreSQL for replicas (PgQueryStore). Bounded:
 * after an eviction (or a restart, in memory) get() answers undefined and the caller says "ask again".
 */
export interface QueryStore {
  /**
   * Stores a question (or refreshes it) and returns its key: ≤ 10 characters of [a-z0-9], the same
   * for the same question on every replica. Once any answer to it was `public`, it stays so; until
   * then it is never offered to others (recent()). `asker` is the hashed id of the member who typed
   * it, when one did.
   */
  put(
    query: string,
    extra?: QueryExtraInput,
    mode?: AnswerMode,
    audience?: Audience,
    asker?: string,
  ): Promise<string>;
  /** The question behind a key, refreshing its recency; undefined when unknown or expired. */
  get(key: string): Promise<StoredQuery | undefined>;
  /**
   * Most recent distinct questions whose folded text contains the folded typed text; only questions
   * answered publicly, so a member's private question is never suggested to anyone else.
   */
  recent(typed?: string, limit?: number): Promise<string[]>;
  /**
   * /forget-me: the member's questions go (their keys expire, recent() no longer offers them); a
   * question another member also typed stays, as theirs. Returns how many went.
   */
  forgetMember(asker: string): Promise<number>;
}

/** A question as put() keeps it: filters filled in, its identity, its folded text for recent(). */
export interface QueryRecord {
  query: string;
  extra: QueryExtra;
  claim: boolean;
  identity: string;
  folded: string;
}

/** What put() derives from its arguments, the same in every store. */
export function queryRecord(query: string, extra: QueryExtraInput, mode: AnswerMode): QueryRecord {
  const stored: QueryExtra = {
    outlet: extra.outlet ?? null,
    since: extra.since ?? null,
    until: extra.until ?? null,
  };
  const claim = mode === 'claim';
  // A question's identity is as before; the same text checked as a claim gets a key of its own.
  const identity = JSON.stringify([
    query,
    stored.outlet,
    stored.since,
    stored.until,
    ...(claim ? ['claim'] : []),
  ]);
  return { query, extra: stored, claim, identity, folded: normalizeQuery(query) };
}

/** The limit recent() was given, as a count. */
export const recentLimit = (limit: number) => (Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 10);

interface Entry extends StoredQuery {
  identity: string;
  /** Folded, whitespace-collapsed query: what recent() matches against and de-duplicates by. */
  folded: string;
  /** Hashed ids of the members who typed it (not those who only pressed its buttons): /forget-me. */
  askers: Set<string>;
}

const KEY_LENGTH = 10;
const KEY_SPACE = 36n ** BigInt(KEY_LENGTH);

export function normalizeQuery(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** Ten base-36 characters of a SHA-256: the same question always gets the same key, even across restarts. */
export function queryKey(identity: string, attempt: number): string {
  const digest = createHash('sha256').update(`${identity}\u0000${attempt}`).digest();
  return (digest.readBigUInt64BE(0) % KEY_SPACE).toString(36).padStart(KEY_LENGTH, '0');
}

/** The query store of one process: a bounded LRU in memory. */
export class MemoryQueryStore implements QueryStore {
  readonly #capacity: number;
  /** Ordered from least to most recently used. */
  readonly #entries = new Map<string, Entry>();
  readonly #keys = new Map<string, string>();

  constructor(capacity = 5_000) {
    this.#capacity = Number.isSafeInteger(capacity) && capacity >= 1 ? capacity : 5_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  async put(
    query: string,
    extra: QueryExtraInput = {},
    mode: AnswerMode = 'question',
    audience: Audience = 'private',
    asker?: string,
  ): Promise<string> {
    const { extra: stored, claim, identity, folded } = queryRecord(query, extra, mode);
    let key = this.#keys.get(identity);
    for (let attempt = 0; key === undefined; attempt++) {
      const candidate = queryKey(identity, attempt);
      if (!this.#entries.has(candidate)) key = candidate;
    }
    const before = this.#entries.get(key);
    const shownPublicly = audience === 'public' || before?.shownPublicly === true;
    const askers = before?.askers ?? new Set<string>();
    if (asker !== undefined) askers.add(asker);
    this.#entries.delete(key);
    this.#entries.set(key, {
      query,
      extra: stored,
      identity,
      folded,
      askers,
      ...(claim ? { mode: 'claim' as const } : {}),
      ...(shownPublicly ? { shownPublicly } : {}),
    });
    this.#keys.set(identity, key);
    this.#evict();
    return key;
  }

  async get(key: string): Promise<StoredQuery | undefined> {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return {
      query: entry.query,
      extra: { ...entry.extra },
      ...(entry.mode ? { mode: entry.mode } : {}),
      ...(entry.shownPublicly ? { shownPublicly: true } : {}),
    };
  }

  async recent(typed = '', limit = 10): Promise<string[]> {
    const max = recentLimit(limit);
    const needle = normalizeQuery(String(typed));
    const seen = new Set<string>();
    const found: string[] = [];
    const entries = [...this.#entries.values()];
    for (let i = entries.length - 1; i >= 0 && found.length < max; i--) {
      const entry = entries[i]!;
      if (!entry.shownPublicly || entry.folded === '' || seen.has(entry.folded)) continue;
      if (!entry.folded.includes(needle)) continue;
      seen.add(entry.folded);
      found.push(entry.query);
    }
    return found;
  }

  async forgetMember(asker: string): Promise<number> {
    let removed = 0;
    for (const [key, entry] of this.#entries) {
      if (!entry.askers.delete(asker) || entry.askers.size > 0) continue;
      this.#entries.delete(key);
      this.#keys.delete(entry.identity);
      removed++;
    }
    return removed;
  }

  #evict(): void {
    while (this.#entries.size > this.#capacity) {
      const first = this.#entries.entries().next();
      if (first.done) return;
      this.#entries.delete(first.value[0]);
      this.#keys.delete(first.value[1].identity);
    }
  }
}

const EXPIRED =
  'This result expired (the bot restarted or has answered many questions since). Please ask again.';

/** The question a button was made for, or a clean "expired" when the store no longer has it. */
export async function storedQuery(queries: QueryStore, key: string): Promise<StoredQuery> {
  const stored = await queries.get(key);
  if (!stored) throw new UserError(EXPIRED, 'expired');
  return stored;
}
