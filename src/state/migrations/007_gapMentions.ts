import type { Migration } from './migration.js';

/**
 * When each member was last mentioned in a channel for Tell me (their DMs closed): at most one such
 * mention a day, across replicas. One row a member, by hashed id; /forget-me removes it.
 */
export const gapMentions: Migration = {
  version: 7,
  name: 'gap_mentions',
  up(db) {
    db.exec(`
      CREATE TABLE gap_mentions (
        member TEXT PRIMARY KEY,
        mentioned_at TEXT NOT NULL
      );
    `);
  },
};
