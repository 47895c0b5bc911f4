import type { Database } from 'better-sqlite3';
import type { DecideResult, ReviewDecision, ReviewItem, ReviewPreview, ReviewQueue } from '../reviewQueue.js';

interface Row extends Omit<ReviewItem, 'preview'> {
  preview: string;
}

const ITEM = `SELECT id, feed_id AS feedId, item_key AS itemKey, url, preview, channel_id AS channelId,
    message_id AS messageId, status, decided_by AS decidedBy, decided_at AS decidedAt, applied_at AS appliedAt,
    created_at AS createdAt
  FROM review_items`;

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
    const row = this.db.prepare(`${ITEM} WHERE ${where} = ?`).get(value) as Row | undefined;
    return row ? toItem(row) : null;
  }

  async enqueue(
    item: { feedId: number | null; itemKey: string; url: string; preview: ReviewPreview },
    at?: Date,
  ): Promise<{ item: ReviewItem; created: boolean }> {
    const run = this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `INSERT INTO review_items (feed_id, item_key, url, preview, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (url) DO NOTHING`,
        )
        .run(item.feedId, item.itemKey, item.url, JSON.stringify(item.preview), this.#at(at));
      return { item: this.#one('url', item.url) as ReviewItem, created: changes === 1 };
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
    return (this.db.prepare(`${ITEM} WHERE status = 'pending' ORDER BY id`).all() as Row[]).map(toItem);
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
      this.db.prepare(`${ITEM} WHERE status = 'approved' AND applied_at IS NULL ORDER BY id`).all() as Row[]
    ).map(toItem);
  }

  async markApplied(id: number, at?: Date): Promise<void> {
    this.db
      .prepare('UPDATE review_items SET applied_at = ? WHERE id = ? AND applied_at IS NULL')
      .run(this.#at(at), id);
  }
}
