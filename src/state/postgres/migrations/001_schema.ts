import type { PgMigration } from './pgMigration.js';

/**
 * Every lasting store as SQLite's migrations 1–8 left it, in one step: feedback and imported files,
 * gaps with Tell me subscriptions and channel mentions, feeds with the items seen, the review queue
 * (the deciding moderator hashed) and the audit. Times are timestamptz, JSON is jsonb.
 */
export const schema: PgMigration = {
  version: 1,
  name: 'schema',
  async up(client) {
    await client.query(`
      CREATE TABLE feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        time text NOT NULL, -- as recorded (an imported line keeps its own spelling)
        kind text NOT NULL CHECK (kind IN ('vote', 'flag', 'not_found')),
        query text,
        key text,
        passage_ids jsonb NOT NULL,
        vote text CHECK (vote IN ('up', 'down')),
        reason text,
        member text NOT NULL
      );
      CREATE INDEX feedback_member ON feedback (member);
      CREATE TABLE feedback_imports (
        digest text PRIMARY KEY,
        file text NOT NULL,
        records integer NOT NULL,
        skipped integer NOT NULL,
        imported_at timestamptz NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY
      );

      CREATE TABLE gap_questions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        group_key text NOT NULL,
        query text NOT NULL,
        member text NOT NULL,
        asked_at timestamptz NOT NULL,
        answered_at timestamptz
      );
      CREATE INDEX gap_questions_pending ON gap_questions (group_key) WHERE answered_at IS NULL;
      CREATE INDEX gap_questions_member ON gap_questions (member);
      CREATE TABLE gap_subscriptions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_id bigint NOT NULL REFERENCES gap_questions (id) ON DELETE CASCADE,
        member text NOT NULL,
        member_id text,
        channel_id text,
        thread_id text,
        subscribed_at timestamptz NOT NULL,
        notified_at timestamptz,
        UNIQUE (question_id, member)
      );
      CREATE INDEX gap_subscriptions_member ON gap_subscriptions (member);
      CREATE INDEX gap_subscriptions_member_id ON gap_subscriptions (member_id) WHERE member_id IS NOT NULL;
      CREATE TABLE gap_mentions (
        member text PRIMARY KEY,
        mentioned_at timestamptz NOT NULL
      );

      CREATE TABLE feeds (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text NOT NULL UNIQUE,
        name text,
        etag text,
        last_modified text,
        failures integer NOT NULL DEFAULT 0,
        retry_at timestamptz,
        last_error text,
        last_polled_at timestamptz,
        added_at timestamptz NOT NULL,
        added_by text,
        paused_at timestamptz,
        pause_reason text,
        due_now boolean NOT NULL DEFAULT false,
        skipped jsonb NOT NULL DEFAULT '[]'
      );
      CREATE TABLE feed_items (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        feed_id bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid text,
        link text,
        seen_at timestamptz NOT NULL,
        CHECK (guid IS NOT NULL OR link IS NOT NULL)
      );
      CREATE UNIQUE INDEX feed_items_guid ON feed_items (feed_id, guid) WHERE guid IS NOT NULL;
      CREATE INDEX feed_items_link ON feed_items (feed_id, link) WHERE link IS NOT NULL;
      CREATE TABLE review_items (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        feed_id bigint REFERENCES feeds (id) ON DELETE SET NULL,
        item_key text NOT NULL,
        url text NOT NULL UNIQUE,
        preview jsonb NOT NULL,
        text_key text,
        channel_id text,
        message_id text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_by text,
        decided_at timestamptz,
        applied_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX review_items_status ON review_items (status);
      CREATE UNIQUE INDEX review_items_message ON review_items (message_id) WHERE message_id IS NOT NULL;

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        moderator text NOT NULL,
        guild_id text,
        action text NOT NULL,
        diff jsonb NOT NULL
      );
    `);
  },
};
