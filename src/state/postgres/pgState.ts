import type pg from 'pg';
import { StateError } from '../errors.js';
import type { MigrationReport } from '../sqlite/migrate.js';
import type { State } from '../state.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import type { PgMigration } from './migrations/pgMigration.js';
import { PgAuditLog } from './pgAuditLog.js';
import { PgFeedbackStore } from './pgFeedbackStore.js';
import { PgFeedStore } from './pgFeedStore.js';
import { PgGapStore } from './pgGapStore.js';
import { migratePg } from './pgMigrate.js';
import { createPool, query } from './pgPool.js';
import { PgReviewQueue } from './pgReviewQueue.js';

export interface PgStateOptions {
  /** DATABASE_URL; never put in a message (it may hold a password). */
  url: string;
  now?: () => Date;
  /** Tests pass fewer to make an older database. */
  migrations?: readonly PgMigration[];
  /** A connection that died while idle: logged by the bot, the pool makes a new one when needed. */
  onIdleError?: (error: Error) => void;
}

/** host:port/database of a connection string, for messages: never the user or password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

async function refuseReadOnly(pool: pg.Pool, location: string): Promise<void> {
  const { rows } = await query<{ recovery: boolean; readonly: string }>(
    pool,
    `SELECT pg_is_in_recovery() AS recovery, current_setting('default_transaction_read_only') AS readonly`,
  );
  const row = rows[0];
  if (row?.recovery || row?.readonly === 'on')
    throw new StateError(
      `${location} is read-only (a standby, or default_transaction_read_only is on): the bot could not keep votes, gaps or feeds; point DATABASE_URL at the primary`,
    );
}

/** Every lasting store in PostgreSQL: connected, checked writable, migrated, one store per concern. */
export class PgState implements State {
  readonly feedback: PgFeedbackStore;
  readonly gaps: PgGapStore;
  readonly feeds: PgFeedStore;
  readonly reviews: PgReviewQueue;
  readonly audit: PgAuditLog;

  private constructor(
    readonly location: string,
    readonly pool: pg.Pool,
    readonly migration: MigrationReport,
    now: () => Date,
  ) {
    this.feedback = new PgFeedbackStore(pool);
    this.gaps = new PgGapStore(pool, now);
    this.feeds = new PgFeedStore(pool, now);
    this.reviews = new PgReviewQueue(pool, now);
    this.audit = new PgAuditLog(pool, now);
  }

  /** Connects and migrates; throws StateError, in one line and without the URL's secrets, when it cannot. */
  static async open(options: PgStateOptions): Promise<PgState> {
    const location = describeDatabase(options.url);
    const pool = createPool(options.url, options.onIdleError ?? (() => {}));
    try {
      await refuseReadOnly(pool, location);
      const migration = await migratePg(pool, options.migrations ?? PG_MIGRATIONS, location);
      return new PgState(location, pool, migration, options.now ?? (() => new Date()));
    } catch (error) {
      await pool.end().catch(() => {});
      if (error instanceof StateError) throw error;
      const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
      throw new StateError(`cannot use the state database ${location}: ${reason}`, { cause: error });
    }
  }

  async ping(): Promise<void> {
    await query(this.pool, 'SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
