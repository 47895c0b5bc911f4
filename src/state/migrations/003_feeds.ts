import type { Migration } from './migration.js';

/** Feeds with their conditional-request validators and back-off, the items seen, the review queue. */
export const feeds: Migration = {
  version: 3,
  name: 'feeds',
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at TEXT,
        last_error TEXT,
        last_polled_at TEXT,
        added_at TEXT NOT NULL,
        added_by TEXT
      );
      CREATE TABLE feed_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid TEXT,
        link TEXT,
        seen_at TEXT NOT NULL,
        CHECK (guid IS NOT NULL OR link IS NOT NULL)
      );
      CREATE UNIQUE INDEX feed_items_guid ON feed_items (feed_id, guid) WHERE guid IS NOT NULL;
      CREATE INDEX feed_items_link ON feed_items (feed_id, link) WHERE link IS NOT NULL;
      CREATE TABLE review_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        item_key TEXT NOT NULL,
        url TEXT NOT NULL UNIQUE,
        preview TEXT NOT NULL,
        channel_id TEXT,
        message_id TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_by TEXT,
        decided_at TEXT,
        applied_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX review_items_status ON review_items (status);
      CREATE UNIQUE INDEX review_items_message ON review_items (message_id) WHERE message_id IS NOT NULL;
    `);
  },
};
