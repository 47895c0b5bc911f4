import type { PgMigration } from './pgMigration.js';

/**
 * What one process kept in memory and replicas must share: the questions behind buttons (a button
 * pressed on another replica finds its question), article previews waiting for Add, and the cooldown's
 * takes, all bounded by their stores. Members appear only hashed.
 */
export const sharedSessions: PgMigration = {
  version: 2,
  name: 'shared_sessions',
  async up(client) {
    await client.query(`
      CREATE TABLE stored_queries (
        key text PRIMARY KEY,
        identity text NOT NULL UNIQUE,
        query text NOT NULL,
        extra jsonb NOT NULL,
        claim boolean NOT NULL,
        shown_publicly boolean NOT NULL DEFAULT false,
        folded text NOT NULL,
        askers text[] NOT NULL DEFAULT '{}',
        used_at timestamptz NOT NULL
      );
      CREATE INDEX stored_queries_used ON stored_queries (used_at);
      CREATE INDEX stored_queries_askers ON stored_queries USING gin (askers);

      CREATE TABLE pending_articles (
        key text PRIMARY KEY,
        article bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );

      CREATE TABLE cooldown_takes (
        member text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX cooldown_takes_member ON cooldown_takes (member, at);
      CREATE INDEX cooldown_takes_at ON cooldown_takes (at);
    `);
  },
};
