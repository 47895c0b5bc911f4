import Database from 'better-sqlite3';
import { StateError } from '../errors.js';
import { MIGRATIONS } from '../migrations/index.js';
import type { Migration } from '../migrations/migration.js';
import type { State } from '../state.js';
import { type MigrationReport, migrate } from './migrate.js';
import { SqliteAuditLog } from './sqliteAuditLog.js';
import { SqliteFeedbackStore } from './sqliteFeedbackStore.js';
import { SqliteFeedStore } from './sqliteFeedStore.js';
import { SqliteGapStore } from './sqliteGapStore.js';
import { SqliteReviewQueue } from './sqliteReviewQueue.js';

export const MEMORY = ':memory:';

/** How long a connection waits for another one's write (the bot and a CLI at once) before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export interface SqliteStateOptions {
  /** The database file, or ':memory:' (tests). */
  path: string;
  now?: () => Date;
  /** Tests pass fewer to make an older database. */
  migrations?: readonly Migration[];
}

function connect(path: string): Database.Database {
  try {
    const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL: readers never block the writer nor the other way round; NORMAL sync is durable across a
    // killed process (a power cut may lose the last commits, never corrupt the file).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    throw new StateError(`cannot open the state database ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Refuses at start what would fail later: a file SQLite can only read (chattr +i, a read-only mount:
 * votes would be lost one by one) and a corrupt one (a bad page would only show on first use).
 */
function checkUsable(db: Database.Database, path: string): void {
  if (path === MEMORY) return;
  let problems: { quick_check: string }[];
  try {
    problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  } catch (error) {
    problems = [{ quick_check: (error as Error).message }];
  }
  const first = problems[0]?.quick_check ?? 'ok';
  if (first !== 'ok')
    throw new StateError(
      `the state database ${path} is damaged (${first}${problems.length > 1 ? ` and ${problems.length - 1} more` : ''}); restore a backup, or move it away to start with empty state`,
    );
  try {
    // A schema change rolled back: it needs the file and its journal writable, and leaves nothing.
    db.exec('BEGIN IMMEDIATE; CREATE TABLE crisis_desk_write_probe (x INTEGER); ROLLBACK');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw new StateError(
      `the state database ${path} cannot be written (${(error as Error).message}): votes, gaps and feeds would be lost; make the file and DATA_DIR writable by the bot`,
      { cause: error },
    );
  }
}

/** The state in one SQLite file: opened, migrated, and handed out one store per concern. */
export class SqliteState implements State {
  readonly feedback: SqliteFeedbackStore;
  readonly gaps: SqliteGapStore;
  readonly feeds: SqliteFeedStore;
  readonly reviews: SqliteReviewQueue;
  readonly audit: SqliteAuditLog;
  readonly migration: MigrationReport;

  private constructor(
    readonly location: string,
    readonly db: Database.Database,
    now: () => Date,
    migrations: readonly Migration[],
  ) {
    this.migration = migrate(db, migrations, location, now);
    this.feedback = new SqliteFeedbackStore(db);
    this.gaps = new SqliteGapStore(db, now);
    this.feeds = new SqliteFeedStore(db, now);
    this.reviews = new SqliteReviewQueue(db, now);
    this.audit = new SqliteAuditLog(db, now);
  }

  /** Opens (creating when missing) and migrates; throws StateError with the reason when it cannot. */
  static open(options: SqliteStateOptions): SqliteState {
    const db = connect(options.path);
    try {
      checkUsable(db, options.path);
      return new SqliteState(
        options.path,
        db,
        options.now ?? (() => new Date()),
        options.migrations ?? MIGRATIONS,
      );
    } catch (error) {
      db.close();
      if (error instanceof StateError) throw error;
      throw new StateError(`cannot use the state database ${options.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
