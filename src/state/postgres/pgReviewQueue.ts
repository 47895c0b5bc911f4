import type pg from 'pg';
import { FeedRemovedError } from '../errors.js';
import type {
  DecideResult,
  MergedItem,
  PendingKey,
  ReviewDecision,
  ReviewItem,
  ReviewPreview,
  ReviewQueue,
} from '../reviewQueue.js';
import { REVIEW_COLUMNS, REVIEW_ITEM } from '../selects.js';
import { type Queryable, query, transaction } from './pgPool.js';

export class PgReviewQueue implements ReviewQueue {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  async #one(db: Queryable, where: string, value: number | string, lock = ''): Promise<ReviewItem | null> {
    return (
      (await query<ReviewItem>(db, `${REVIEW_ITEM} WHERE ${where} = $1 ${lock}`, [value])).rows[0] ?? null
    );
  }

  async enqueue(
    item: { feedId: number | null; itemKey: string; url: string; preview: ReviewPreview; textKey?: string },
    at?: Date,
  ): Promise<{ item: ReviewItem; created: boolean }> {
    return transaction(this.pool, async (client) => {
      if (item.feedId !== null) {
        // The row lock keeps the feed from being removed until the item is in (or refused).
        const feed = await client.query('SELECT 1 FROM feeds WHERE id = $1 FOR KEY SHARE', [item.feedId]);
        if (feed.rowCount !== 1) throw new FeedRemovedError(`feed ${item.feedId} was removed`);
      }
      const { rowCount } = await client.query(
        `INSERT INTO review_items (feed_id, item_key, url, preview, text_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (url) DO NOTHING`,
        [
          item.feedId,
          item.itemKey,
          item.url,
          JSON.stringify(item.preview),
          item.textKey ?? null,
          this.#at(at),
        ],
      );
      return { item: (await this.#one(client, 'url', item.url)) as ReviewItem, created: rowCount === 1 };
    });
  }

  async pendingKeys(): Promise<PendingKey[]> {
    const { rows } = await query<PendingKey>(
      this.pool,
      `SELECT id, feed_id AS "feedId", url, preview->>'title' AS title, text_key AS "textKey"
       FROM review_items WHERE status = 'pending' ORDER BY id`,
    );
    return rows;
  }

  async merge(id: number, from: Omit<MergedItem, 'at'>, at?: Date): Promise<ReviewItem | null> {
    return transaction(this.pool, async (client) => {
      const item = await this.#one(client, 'id', id, 'FOR UPDATE');
      if (item?.status !== 'pending') return null;
      if (item.feedId === from.feedId && item.itemKey === from.itemKey) return null;
      const merged = Array.isArray(item.preview.merged) ? (item.preview.merged as MergedItem[]) : [];
      if (merged.some((m) => m.feedId === from.feedId && m.itemKey === from.itemKey)) return null;
      const preview = { ...item.preview, merged: [...merged, { ...from, at: this.#at(at) }] };
      await client.query('UPDATE review_items SET preview = $1 WHERE id = $2', [JSON.stringify(preview), id]);
      return { ...item, preview };
    });
  }

  async waiting(feedId: number): Promise<{ feed: number; all: number }> {
    const { rows } = await query<{ feed: number; all: number }>(
      this.pool,
      `SELECT
         (SELECT COUNT(*) FROM review_items WHERE status = 'pending' AND feed_id = $1)
         + (SELECT COUNT(*) FROM review_items r, jsonb_array_elements(COALESCE(r.preview->'merged', '[]')) m
            WHERE r.status = 'pending' AND (m->>'feedId')::bigint = $1) AS feed,
         (SELECT COUNT(*) FROM review_items WHERE status = 'pending') AS "all"`,
      [feedId],
    );
    return rows[0] as { feed: number; all: number };
  }

  async dropPending(feedId: number): Promise<ReviewItem[]> {
    const { rows } = await query<ReviewItem>(
      this.pool,
      `WITH dropped AS (DELETE FROM review_items WHERE status = 'pending' AND feed_id = $1 RETURNING *)
       SELECT ${REVIEW_COLUMNS} FROM dropped ORDER BY id`,
      [feedId],
    );
    return rows;
  }

  async attachMessage(id: number, message: { channelId: string; messageId: string }): Promise<void> {
    await query(this.pool, 'UPDATE review_items SET channel_id = $1, message_id = $2 WHERE id = $3', [
      message.channelId,
      message.messageId,
      id,
    ]);
  }

  async get(id: number): Promise<ReviewItem | null> {
    return this.#one(this.pool, 'id', id);
  }

  async byMessage(messageId: string): Promise<ReviewItem | null> {
    return this.#one(this.pool, 'message_id', messageId);
  }

  async pending(): Promise<ReviewItem[]> {
    return (await query<ReviewItem>(this.pool, `${REVIEW_ITEM} WHERE status = 'pending' ORDER BY id`)).rows;
  }

  async decide(
    id: number,
    decision: { status: ReviewDecision; by: string },
    at?: Date,
  ): Promise<DecideResult> {
    // One conditional UPDATE: whichever transaction commits first changes the row; the other changes nothing.
    const { rowCount } = await query(
      this.pool,
      `UPDATE review_items SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND status = 'pending'`,
      [decision.status, decision.by, this.#at(at), id],
    );
    const item = await this.get(id);
    return item ? { won: rowCount === 1, item } : { won: false, item: null };
  }

  async awaitingApply(): Promise<ReviewItem[]> {
    return (
      await query<ReviewItem>(
        this.pool,
        `${REVIEW_ITEM} WHERE status = 'approved' AND applied_at IS NULL ORDER BY id`,
      )
    ).rows;
  }

  async markApplied(id: number, at?: Date): Promise<void> {
    await query(this.pool, 'UPDATE review_items SET applied_at = $1 WHERE id = $2 AND applied_at IS NULL', [
      this.#at(at),
      id,
    ]);
  }
}
