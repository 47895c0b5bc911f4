import { deserialize, serialize } from 'node:v8';
import type pg from 'pg';
import type { ArticleToAdd } from '../../intake/addArticle.js';
import { query } from '../../state/postgres/pgPool.js';
import {
  PENDING_DEFAULTS,
  type PendingArticles,
  type PendingArticlesOptions,
  pendingKey,
} from './pendingArticles.js';

/**
 * Article previews shared by replicas: Add pressed on another replica adds what was previewed. The
 * article (its bytes as Buffers) is kept with v8's serializer, which Buffers survive.
 */
export class PgPendingArticles implements PendingArticles {
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;

  constructor(
    private readonly pool: pg.Pool,
    {
      ttlMs = PENDING_DEFAULTS.ttlMs,
      capacity = PENDING_DEFAULTS.capacity,
      now = Date.now,
    }: PendingArticlesOptions = {},
  ) {
    this.#ttlMs = ttlMs;
    this.#capacity = capacity;
    this.#now = now;
  }

  #nowIso(): string {
    return new Date(this.#now()).toISOString();
  }

  async put(article: ArticleToAdd): Promise<string> {
    const key = pendingKey();
    await query(this.pool, 'DELETE FROM pending_articles WHERE expires_at <= $1', [this.#nowIso()]);
    await query(this.pool, 'INSERT INTO pending_articles (key, article, expires_at) VALUES ($1, $2, $3)', [
      key,
      serialize(article),
      new Date(this.#now() + this.#ttlMs).toISOString(),
    ]);
    await query(
      this.pool,
      `DELETE FROM pending_articles WHERE key IN (
         SELECT key FROM pending_articles ORDER BY created_at DESC OFFSET $1
       )`,
      [this.#capacity],
    );
    return key;
  }

  async peek(key: string): Promise<ArticleToAdd | undefined> {
    const { rows } = await query<{ article: Buffer }>(
      this.pool,
      'SELECT article FROM pending_articles WHERE key = $1 AND expires_at > $2',
      [key, this.#nowIso()],
    );
    return rows[0] ? (deserialize(rows[0].article) as ArticleToAdd) : undefined;
  }

  async take(key: string): Promise<ArticleToAdd | undefined> {
    const { rows } = await query<{ article: Buffer }>(
      this.pool,
      'DELETE FROM pending_articles WHERE key = $1 AND expires_at > $2 RETURNING article',
      [key, this.#nowIso()],
    );
    return rows[0] ? (deserialize(rows[0].article) as ArticleToAdd) : undefined;
  }
}
