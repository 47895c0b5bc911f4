import type pg from 'pg';
import { type Feed, type FeedItemRef, type FeedStore, SKIPPED_KEPT, type SkippedItem } from '../feedStore.js';
import { FEED } from '../selects.js';
import { type Queryable, query, transaction } from './pgPool.js';

export class PgFeedStore implements FeedStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  async #one(db: Queryable, where: 'id' | 'url', value: number | string): Promise<Feed | null> {
    return (await query<Feed>(db, `${FEED} WHERE ${where} = $1`, [value])).rows[0] ?? null;
  }

  async add(
    feed: { url: string; name: string | null; addedBy: string | null },
    at?: Date,
  ): Promise<{ feed: Feed; created: boolean }> {
    const { rowCount } = await query(
      this.pool,
      'INSERT INTO feeds (url, name, added_at, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING',
      [feed.url, feed.name, this.#at(at), feed.addedBy],
    );
    return { feed: (await this.#one(this.pool, 'url', feed.url)) as Feed, created: rowCount === 1 };
  }

  async list(): Promise<Feed[]> {
    return (await query<Feed>(this.pool, `${FEED} ORDER BY id`)).rows;
  }

  async get(id: number): Promise<Feed | null> {
    return this.#one(this.pool, 'id', id);
  }

  async byUrl(url: string): Promise<Feed | null> {
    return this.#one(this.pool, 'url', url);
  }

  async remove(id: number): Promise<boolean> {
    return (await query(this.pool, 'DELETE FROM feeds WHERE id = $1', [id])).rowCount === 1;
  }

  async due(intervalMs: number, at?: Date): Promise<Feed[]> {
    const now = at ?? this.now();
    const before = new Date(now.getTime() - intervalMs).toISOString();
    const { rows } = await query<Feed>(
      this.pool,
      `${FEED} WHERE (last_polled_at IS NULL OR last_polled_at <= $1 OR due_now)
         AND (retry_at IS NULL OR retry_at <= $2) AND paused_at IS NULL
       ORDER BY last_polled_at IS NOT NULL, last_polled_at, id`,
      [before, now.toISOString()],
    );
    return rows;
  }

  async recordSuccess(
    id: number,
    validators: { etag: string | null; lastModified: string | null },
    at?: Date,
  ): Promise<void> {
    await query(
      this.pool,
      `UPDATE feeds SET etag = $1, last_modified = $2, failures = 0, retry_at = NULL, last_error = NULL,
         last_polled_at = $3, due_now = false WHERE id = $4`,
      [validators.etag, validators.lastModified, this.#at(at), id],
    );
  }

  async recordFailure(
    id: number,
    failure: { error: string; retryAt: Date },
    at?: Date,
  ): Promise<Feed | null> {
    await query(
      this.pool,
      `UPDATE feeds SET failures = failures + 1, retry_at = $1, last_error = $2, last_polled_at = $3, due_now = false
       WHERE id = $4`,
      [failure.retryAt.toISOString(), failure.error, this.#at(at), id],
    );
    return this.#one(this.pool, 'id', id);
  }

  async pollSoon(id: number): Promise<void> {
    await query(this.pool, 'UPDATE feeds SET due_now = true WHERE id = $1', [id]);
  }

  async pause(id: number, reason: string, at?: Date): Promise<boolean> {
    const { rowCount } = await query(
      this.pool,
      'UPDATE feeds SET paused_at = $1, pause_reason = $2 WHERE id = $3 AND paused_at IS NULL',
      [this.#at(at), reason, id],
    );
    return rowCount === 1;
  }

  async resume(id: number): Promise<boolean> {
    const { rowCount } = await query(
      this.pool,
      'UPDATE feeds SET paused_at = NULL, pause_reason = NULL, due_now = true WHERE id = $1 AND paused_at IS NOT NULL',
      [id],
    );
    return rowCount === 1;
  }

  async recordSkipped(id: number, item: Omit<SkippedItem, 'at'>, at?: Date): Promise<void> {
    // Newest first, the oldest beyond SKIPPED_KEPT dropped, in one statement (no read-modify-write race).
    await query(
      this.pool,
      `UPDATE feeds SET skipped = (
         SELECT COALESCE(jsonb_agg(e ORDER BY n), '[]'::jsonb) FROM (
           SELECT e, n FROM jsonb_array_elements(jsonb_build_array($2::jsonb) || skipped) WITH ORDINALITY AS t(e, n)
           ORDER BY n LIMIT $3
         ) kept
       ) WHERE id = $1`,
      [id, JSON.stringify({ ...item, at: this.#at(at) }), SKIPPED_KEPT],
    );
  }

  async skipped(id: number): Promise<SkippedItem[]> {
    const { rows } = await query<{ skipped: SkippedItem[] }>(
      this.pool,
      'SELECT skipped FROM feeds WHERE id = $1',
      [id],
    );
    return rows[0]?.skipped ?? [];
  }

  async unseen<T extends FeedItemRef>(feedId: number, items: readonly T[]): Promise<T[]> {
    const seen = await this.#seen(this.pool, feedId, items);
    return items.filter((item) => !seen(item));
  }

  /** Which of `items` the feed has seen, by guid or link, in one query. */
  async #seen(
    db: Queryable,
    feedId: number,
    items: readonly FeedItemRef[],
  ): Promise<(item: FeedItemRef) => boolean> {
    const guids = items.flatMap((i) => (i.guid === null ? [] : [i.guid]));
    const links = items.flatMap((i) => (i.link === null ? [] : [i.link]));
    const { rows } = await query<{ guid: string | null; link: string | null }>(
      db,
      'SELECT guid, link FROM feed_items WHERE feed_id = $1 AND (guid = ANY($2::text[]) OR link = ANY($3::text[]))',
      [feedId, guids, links],
    );
    const seenGuids = new Set(rows.map((r) => r.guid));
    const seenLinks = new Set(rows.map((r) => r.link));
    return (item) =>
      (item.guid !== null && seenGuids.has(item.guid)) || (item.link !== null && seenLinks.has(item.link));
  }

  async markSeen(feedId: number, items: readonly FeedItemRef[], at?: Date): Promise<number> {
    const when = this.#at(at);
    return transaction(this.pool, async (client) => {
      // A feed removed while its items were being read has nothing left to remember them for; the row
      // lock keeps it from going before this commits.
      const feed = await client.query('SELECT 1 FROM feeds WHERE id = $1 FOR KEY SHARE', [feedId]);
      if (feed.rowCount !== 1) return 0;
      const known = await this.#seen(client, feedId, items);
      const fresh: FeedItemRef[] = [];
      for (const item of items) {
        if ((item.guid === null && item.link === null) || known(item)) continue;
        if (
          fresh.some(
            (f) =>
              (item.guid !== null && f.guid === item.guid) || (item.link !== null && f.link === item.link),
          )
        )
          continue;
        fresh.push(item);
      }
      for (const item of fresh)
        await client.query(
          `INSERT INTO feed_items (feed_id, guid, link, seen_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (feed_id, guid) WHERE guid IS NOT NULL DO NOTHING`,
          [feedId, item.guid, item.link, when],
        );
      return fresh.length;
    });
  }
}
