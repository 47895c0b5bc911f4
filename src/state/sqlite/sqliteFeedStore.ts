import type { Database } from 'better-sqlite3';
import { type Feed, type FeedItemRef, type FeedStore, SKIPPED_KEPT, type SkippedItem } from '../feedStore.js';
import { FEED } from '../selects.js';

export class SqliteFeedStore implements FeedStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  #one(where: 'id' | 'url', value: number | string): Feed | null {
    return (this.db.prepare(`${FEED} WHERE ${where} = ?`).get(value) as Feed | undefined) ?? null;
  }

  async add(
    feed: { url: string; name: string | null; addedBy: string | null },
    at?: Date,
  ): Promise<{ feed: Feed; created: boolean }> {
    const run = this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          'INSERT INTO feeds (url, name, added_at, added_by) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING',
        )
        .run(feed.url, feed.name, this.#at(at), feed.addedBy);
      return { feed: this.#one('url', feed.url) as Feed, created: changes === 1 };
    });
    return run.immediate();
  }

  async list(): Promise<Feed[]> {
    return this.db.prepare(`${FEED} ORDER BY id`).all() as Feed[];
  }

  async get(id: number): Promise<Feed | null> {
    return this.#one('id', id);
  }

  async byUrl(url: string): Promise<Feed | null> {
    return this.#one('url', url);
  }

  async remove(id: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes === 1;
  }

  async due(intervalMs: number, at?: Date): Promise<Feed[]> {
    const now = at ?? this.now();
    const before = new Date(now.getTime() - intervalMs).toISOString();
    return this.db
      .prepare(
        `${FEED} WHERE (last_polled_at IS NULL OR last_polled_at <= ? OR due_now = 1)
           AND (retry_at IS NULL OR retry_at <= ?) AND paused_at IS NULL
         ORDER BY last_polled_at IS NOT NULL, last_polled_at, id`,
      )
      .all(before, now.toISOString()) as Feed[];
  }

  async recordSuccess(
    id: number,
    validators: { etag: string | null; lastModified: string | null },
    at?: Date,
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE feeds SET etag = ?, last_modified = ?, failures = 0, retry_at = NULL, last_error = NULL,
           last_polled_at = ?, due_now = 0 WHERE id = ?`,
      )
      .run(validators.etag, validators.lastModified, this.#at(at), id);
  }

  async recordFailure(
    id: number,
    failure: { error: string; retryAt: Date },
    at?: Date,
  ): Promise<Feed | null> {
    this.db
      .prepare(
        `UPDATE feeds SET failures = failures + 1, retry_at = ?, last_error = ?, last_polled_at = ?, due_now = 0
         WHERE id = ?`,
      )
      .run(failure.retryAt.toISOString(), failure.error, this.#at(at), id);
    return this.#one('id', id);
  }

  async pollSoon(id: number): Promise<void> {
    this.db.prepare('UPDATE feeds SET due_now = 1 WHERE id = ?').run(id);
  }

  async pause(id: number, reason: string, at?: Date): Promise<boolean> {
    const { changes } = this.db
      .prepare('UPDATE feeds SET paused_at = ?, pause_reason = ? WHERE id = ? AND paused_at IS NULL')
      .run(this.#at(at), reason, id);
    return changes === 1;
  }

  async resume(id: number): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        'UPDATE feeds SET paused_at = NULL, pause_reason = NULL, due_now = 1 WHERE id = ? AND paused_at IS NOT NULL',
      )
      .run(id);
    return changes === 1;
  }

  #skipped(id: number): SkippedItem[] {
    const json = this.db.prepare('SELECT skipped FROM feeds WHERE id = ?').pluck().get(id) as
      | string
      | undefined;
    return json === undefined ? [] : (JSON.parse(json) as SkippedItem[]);
  }

  async recordSkipped(id: number, item: Omit<SkippedItem, 'at'>, at?: Date): Promise<void> {
    const run = this.db.transaction(() => {
      const kept = [{ ...item, at: this.#at(at) }, ...this.#skipped(id)].slice(0, SKIPPED_KEPT);
      this.db.prepare('UPDATE feeds SET skipped = ? WHERE id = ?').run(JSON.stringify(kept), id);
    });
    run.immediate();
  }

  async skipped(id: number): Promise<SkippedItem[]> {
    return this.#skipped(id);
  }

  /** Whether an item of `feedId` was seen, by guid or link; the statements are prepared once per call. */
  #seen(feedId: number): (item: FeedItemRef) => boolean {
    const byGuid = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ?');
    const byLink = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND link = ?');
    return (item) =>
      (item.guid !== null && byGuid.get(feedId, item.guid) !== undefined) ||
      (item.link !== null && byLink.get(feedId, item.link) !== undefined);
  }

  async unseen<T extends FeedItemRef>(feedId: number, items: readonly T[]): Promise<T[]> {
    const seen = this.#seen(feedId);
    return items.filter((item) => !seen(item));
  }

  async markSeen(feedId: number, items: readonly FeedItemRef[], at?: Date): Promise<number> {
    const when = this.#at(at);
    const run = this.db.transaction(() => {
      // A feed removed while its items were being read has nothing left to remember them for.
      if (!this.#one('id', feedId)) return 0;
      const insert = this.db.prepare(
        'INSERT INTO feed_items (feed_id, guid, link, seen_at) VALUES (?, ?, ?, ?)',
      );
      const seen = this.#seen(feedId);
      let added = 0;
      for (const item of items) {
        if ((item.guid === null && item.link === null) || seen(item)) continue;
        insert.run(feedId, item.guid, item.link, when);
        added++;
      }
      return added;
    });
    return run.immediate();
  }
}
