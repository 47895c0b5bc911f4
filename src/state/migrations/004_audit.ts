import type { Migration } from './migration.js';

/** Moderator actions: who (hashed), where, what, and the diff as JSON. */
export const audit: Migration = {
  version: 4,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        moderator TEXT NOT NULL,
        guild_id TEXT,
        action TEXT NOT NULL,
        diff TEXT NOT NULL
      );
    `);
  },
};
