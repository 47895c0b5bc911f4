import type pg from 'pg';
import type { AnswerMode } from '../../search/abstain.js';
import { query, storeError, transaction } from '../../state/postgres/pgPool.js';
import {
  type Audience,
  normalizeQuery,
  type QueryExtraInput,
  type QueryStore,
  queryKey,
  queryRecord,
  recentLimit,
  type StoredQuery,
} from './queryStore.js';

/** How many questions are kept across replicas; the least recently used go first. */
export const SHARED_QUERIES_KEPT = 50_000;

/** The eviction runs on one put in this many: it is a range delete, not worth a round trip each time. */
const EVICT_EVERY = 50;

const UNIQUE_VIOLATION = '23505';

/** The questions behind buttons, shared by every replica on one database. */
export class PgQueryStore implements QueryStore {
  #puts = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly capacity = SHARED_QUERIES_KEPT,
  ) {}

  async put(
    text: string,
    extra: QueryExtraInput = {},
    mode: AnswerMode = 'question',
    audience: Audience = 'private',
    asker?: string,
  ): Promise<string> {
    const record = queryRecord(text, extra, mode);
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.pool.query<{ key: string }>(
          `INSERT INTO stored_queries (key, identity, query, extra, claim, shown_publicly, folded, askers, used_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::text IS NULL THEN '{}' ELSE ARRAY[$8::text] END, clock_timestamp())
           ON CONFLICT (identity) DO UPDATE SET
             shown_publicly = stored_queries.shown_publicly OR excluded.shown_publicly,
             askers = CASE WHEN $8::text IS NULL OR $8::text = ANY (stored_queries.askers) THEN stored_queries.askers
                           ELSE stored_queries.askers || $8::text END,
             used_at = clock_timestamp()
           RETURNING key`,
          [
            queryKey(record.identity, attempt),
            record.identity,
            record.query,
            JSON.stringify(record.extra),
            record.claim,
            audience === 'public',
            record.folded,
            asker ?? null,
          ],
        );
        if (++this.#puts % EVICT_EVERY === 0) await this.#evict();
        return rows[0]?.key as string;
      } catch (error) {
        // Another question holds this key (a hash collision): the next attempt gives another.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt < 10) continue;
        throw storeError(error);
      }
    }
  }

  async get(key: string): Promise<StoredQuery | undefined> {
    const { rows } = await query<{
      query: string;
      extra: StoredQuery['extra'];
      claim: boolean;
      shown: boolean;
    }>(
      this.pool,
      `UPDATE stored_queries SET used_at = clock_timestamp() WHERE key = $1
       RETURNING query, extra, claim, shown_publicly AS shown`,
      [key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      query: row.query,
      extra: row.extra,
      ...(row.claim ? { mode: 'claim' as const } : {}),
      ...(row.shown ? { shownPublicly: true as const } : {}),
    };
  }

  async recent(typed = '', limit = 10): Promise<string[]> {
    const { rows } = await query<{ query: string }>(
      this.pool,
      `SELECT query FROM (
         SELECT DISTINCT ON (folded) query, used_at FROM stored_queries
         WHERE shown_publicly AND folded <> '' AND strpos(folded, $1) > 0
         ORDER BY folded, used_at DESC
       ) latest ORDER BY used_at DESC LIMIT $2`,
      [normalizeQuery(String(typed)), recentLimit(limit)],
    );
    return rows.map((r) => r.query);
  }

  async forgetMember(asker: string): Promise<number> {
    return transaction(this.pool, async (client) => {
      const { rows } = await client.query<{ key: string }>(
        `UPDATE stored_queries SET askers = array_remove(askers, $1) WHERE askers @> ARRAY[$1]
         RETURNING key, cardinality(askers) AS left`,
        [asker],
      );
      const { rowCount } = await client.query(
        'DELETE FROM stored_queries WHERE key = ANY ($1::text[]) AND cardinality(askers) = 0',
        [rows.map((r) => r.key)],
      );
      return rowCount ?? 0;
    });
  }

  async #evict(): Promise<void> {
    await query(
      this.pool,
      `DELETE FROM stored_queries WHERE used_at < (
         SELECT used_at FROM stored_queries ORDER BY used_at DESC OFFSET $1 LIMIT 1
       )`,
      [this.capacity - 1],
    );
  }
}
