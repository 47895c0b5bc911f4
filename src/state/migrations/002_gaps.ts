import type { Migration } from './migration.js';

/** Unanswered questions, one row an ask, and the members waiting to hear when they are covered. */
export const gaps: Migration = {
  version: 2,
  name: 'gaps',
  up(db) {
    db.exec(`
      CREATE TABLE gap_questions (
        id INTEGER PRIMARY KEY,
        group_key TEXT NOT NULL,
        query TEXT NOT NULL,
        member TEXT NOT NULL,
        asked_at TEXT NOT NULL,
        answered_at TEXT
      );
      CREATE INDEX gap_questions_pending ON gap_questions (group_key) WHERE answered_at IS NULL;
      CREATE INDEX gap_questions_member ON gap_questions (member);
      CREATE TABLE gap_subscriptions (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES gap_questions (id) ON DELETE CASCADE,
        member TEXT NOT NULL,
        member_id TEXT,
        channel_id TEXT,
        thread_id TEXT,
        subscribed_at TEXT NOT NULL,
        notified_at TEXT,
        UNIQUE (question_id, member)
      );
      CREATE INDEX gap_subscriptions_member ON gap_subscriptions (member);
      CREATE INDEX gap_subscriptions_member_id ON gap_subscriptions (member_id) WHERE member_id IS NOT NULL;
    `);
  },
};
