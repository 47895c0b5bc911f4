import type { Database } from 'better-sqlite3';
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
import { REVIEW_ITEM } from '../selects.js';

interface Row extends Omit<ReviewItem, 'preview'> {
  preview: string;
}

const toItem = (row: Row): ReviewItem => ({ ...row, preview: JSON.parse(row.preview) as ReviewPreview });

export class SqliteReviewQueue implements ReviewQueue {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  #one(where: string, value: number | string): ReviewItem | null {
    const row = this.db.prepare(`${REVIEW_ITEM} WHERE ${where} = ?`).get(value) as Row | undefined;
    return row ? toItem(row) : null;
  }

  async enqueue(
    item: { feedId: number | null; itemKey: string; url: string; preview: ReviewPreview; textKey?: string },
    at?: Date,
  ): Promise<{ item: ReviewItem; created: boolean }> {
    const run = this.db.transaction(() => {
      if (item.feedId !== null && !this.db.prepare('SELECT 1 FROM feeds WHERE id = ?').get(item.feedId))
        throw new FeedRemovedError(`feed ${item.feedId} was removed`);
      const { changes } = this.db
        .prepare(
          `INSERT INTO review_items (feed_id, item_key, url, preview, text_key, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (url) DO NOTHING`,
        )
        .run(
          item.feedId,
          item.itemKey,
          item.url,
          JSON.stringify(item.preview),
          item.textKey ?? null,
          this.#at(at),
        );
      return { item: this.#one('url', item.url) as ReviewItem, created: changes === 1 };
    });
    return run.immediate();
  }

  async pendingKeys(): Promise<PendingKey[]> {
    return this.db
      .prepare(
        `SELECT id, feed_id AS feedId, url, json_extract(preview, '$.title') AS title, text_key AS textKey
         FROM review_items WHERE status = 'pending' ORDER BY id`,
      )
      .all() as PendingKey[];
  }

  async merge(id: number, from: Omit<MergedItem, 'at'>, at?: Date): Promise<ReviewItem | null> {
    const run = this.db.transaction(() => {
      const item = this.#one('id', id);
      if (item?.status !== 'pending') return null;
      if (item.feedId === from.feedId && item.itemKey === from.itemKey) return null;
      const merged = Array.isArray(item.preview.merged) ? (item.preview.merged as MergedItem[]) : [];
      if (merged.some((m) => m.feedId === from.feedId && m.itemKey === from.itemKey)) return null;
      const preview = { ...item.preview, merged: [...merged, { ...from, at: this.#at(at) }] };
      this.db.prepare('UPDATE review_items SET preview = ? WHERE id = ?').run(JSON.stringify(preview), id);
      return { ...item, preview };
    });
    return run.immediate();
  }

  async waiting(feedId: number): Promise<{ feed: number; all: number }> {
    return this.db
      .prepare(
        `SELECT
           (SELECT COUNT(*) FROM review_items WHERE status = 'pending' AND feed_id = @feedId)
           + (SELECT COUNT(*) FROM review_items r, json_each(r.preview, '$.merged') m
              WHERE r.status = 'pending' AND json_extract(m.value, '$.feedId') = @feedId) AS feed,
           (SELECT COUNT(*) FROM review_items WHERE status = 'pending') AS "all"`,
      )
      .get({ feedId }) as { feed: number; all: number };
  }

  async dropPending(feedId: number): Promise<ReviewItem[]> {
    const run = this.db.transaction(() => {
      const rows = this.db
        .prepare(`${REVIEW_ITEM} WHERE status = 'pending' AND feed_id = ? ORDER BY id`)
        .all(feedId) as Row[];
      this.db.prepare(`DELETE FROM review_items WHERE status = 'pending' AND feed_id = ?`).run(feedId);
      return rows.map(toItem);
    });
    return run.immediate();
  }

  async attachMessage(id: number, message: { channelId: string; messageId: string }): Promise<void> {
    this.db
      .prepare('UPDATE review_items SET channel_id = ?, message_id = ? WHERE id = ?')
      .run(message.channelId, message.messageId, id);
  }

  async get(id: number): Promise<ReviewItem | null> {
    return this.#one('id', id);
  }

  async byMessage(messageId: string): Promise<ReviewItem | null> {
    return this.#one('message_id', messageId);
  }

  async pending(): Promise<ReviewItem[]> {
    return (this.db.prepare(`${REVIEW_ITEM} WHERE status = 'pending' ORDER BY id`).all() as Row[]).map(
      toItem,
    );
  }

  async decide(
    id: number,
    decision: { status: ReviewDecision; by: string },
    at?: Date,
  ): Promise<DecideResult> {
    // One conditional UPDATE: whichever connection commits first changes the row; the other changes nothing.
    const { changes } = this.db
      .prepare(
        `UPDATE review_items SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'`,
      )
      .run(decision.status, decision.by, this.#at(at), id);
    const item = this.#one('id', id);
    return item ? { won: changes === 1, item } : { won: false, item: null };
  }

  async awaitingApply(): Promise<ReviewItem[]> {
    return (
      this.db
        .prepare(`${REVIEW_ITEM} WHERE status = 'approved' AND applied_at IS NULL ORDER BY id`)
        .all() as Row[]
    ).map(toItem);
  }

  async markApplied(id: number, at?: Date): Promise<void> {
    this.db
      .prepare('UPDATE review_items SET applied_at = ? WHERE id = ? AND applied_at IS NULL')
      .run(this.#at(at), id);
  }
}
