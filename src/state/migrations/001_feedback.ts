import type { Migration } from './migration.js';

/** What DATA_DIR/feedback.jsonl held, one row a record, and the files imported from it. */
export const feedback: Migration = {
  version: 1,
  name: 'feedback',
  up(db) {
    db.exec(`
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('vote', 'flag', 'not_found')),
        query TEXT,
        key TEXT,
        passage_ids TEXT NOT NULL,
        vote TEXT CHECK (vote IN ('up', 'down')),
        reason TEXT,
        member TEXT NOT NULL
      );
      CREATE INDEX feedback_member ON feedback (member);
      CREATE TABLE feedback_imports (
        digest TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        records INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      );
    `);
  },
};
