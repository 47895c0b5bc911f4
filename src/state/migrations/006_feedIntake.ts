import type { Migration } from './migration.js';

/**
 * Feed intake that floods nothing and loses nothing: a feed can be paused (when, why), asked to be
 * polled at the next round (its newest items offered when it was added, or it was resumed), and keeps
 * its last skipped items with the reason (JSON, newest first, bounded); a pending review item keeps
 * its text's key, so the same article under another URL merges into it.
 */
export const feedIntake: Migration = {
  version: 6,
  name: 'feed_intake',
  up(db) {
    db.exec(`
      ALTER TABLE feeds ADD COLUMN paused_at TEXT;
      ALTER TABLE feeds ADD COLUMN pause_reason TEXT;
      ALTER TABLE feeds ADD COLUMN due_now INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE feeds ADD COLUMN skipped TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE review_items ADD COLUMN text_key TEXT;
    `);
  },
};
