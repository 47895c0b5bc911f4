/**
 * Articles a moderator is looking at the preview of, kept on our side until Add or Cancel: the Add button
 * carries only a short random key, so what it adds is what was previewed, never something read from the
 * button. Bounded (a page may be 5 MB) and short-lived: in memory for one process (MemoryPendingArticles),
 * in PostgreSQL when replicas share them (PgPendingArticles); after an expiry or an eviction (or a
 * restart, in memory) the key finds nothing and the moderator is told to run the command again.
 */

import { randomBytes } from 'node:crypto';
import type { ArticleToAdd } from '../../intake/addArticle.js';

export interface PendingArticlesOptions {
  /** How long a preview can be added; Discord's interaction tokens last 15 minutes too. */
  ttlMs?: number;
  /** How many previews are kept at once; the oldest goes first. */
  capacity?: number;
  now?: () => number;
}

/** Eight base64url characters: 48 random bits, and no `:` to break a custom_id. */
const KEY_BYTES = 6;
export const PENDING_KEY = /^[A-Za-z0-9_-]{8}$/;

export interface PendingArticles {
  /** Keeps `article` and returns the key its buttons carry. */
  put(article: ArticleToAdd): Promise<string>;
  /** The article under `key`, still there after this; undefined once expired or gone. */
  peek(key: string): Promise<ArticleToAdd | undefined>;
  /** The article under `key`, removed, so a second Add (or an Add after Cancel) finds nothing. */
  take(key: string): Promise<ArticleToAdd | undefined>;
}

/** A new key: eight base64url characters. */
export const pendingKey = () => randomBytes(KEY_BYTES).toString('base64url');

export const PENDING_DEFAULTS = { ttlMs: 15 * 60_000, capacity: 8 };

export class MemoryPendingArticles implements PendingArticles {
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  /** Oldest first. */
  readonly #entries = new Map<string, { article: ArticleToAdd; expiresAt: number }>();

  constructor({
    ttlMs = PENDING_DEFAULTS.ttlMs,
    capacity = PENDING_DEFAULTS.capacity,
    now = Date.now,
  }: PendingArticlesOptions = {}) {
    this.#ttlMs = ttlMs;
    this.#capacity = capacity;
    this.#now = now;
  }

  async put(article: ArticleToAdd): Promise<string> {
    this.#sweep();
    let key: string;
    do key = pendingKey();
    while (this.#entries.has(key));
    this.#entries.set(key, { article, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return key;
  }

  async peek(key: string): Promise<ArticleToAdd | undefined> {
    this.#sweep();
    return this.#entries.get(key)?.article;
  }

  async take(key: string): Promise<ArticleToAdd | undefined> {
    const article = await this.peek(key);
    this.#entries.delete(key);
    return article;
  }

  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
