import type { Database } from 'better-sqlite3';
import { StateError } from '../errors.js';
import type { Migration } from '../migrations/migration.js';

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings the schema up to the last migration, all pending steps in one immediate transaction: two
 * processes starting at once run them once, and a failed step leaves the database as it was. A
 * database migrated by newer code is refused rather than misread.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  location: string,
  now: () => Date,
): MigrationReport {
  checkOrder(migrations);
  const latest = migrations.length;
  const run = db.transaction((): MigrationReport => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const from =
      (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    if (from > latest)
      throw new StateError(
        `${location} has schema version ${from}, newer than this version of crisis-desk knows (${latest}); run the newer crisis-desk, or restore a backup of the database made before it`,
      );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const m of migrations.slice(from)) {
      m.up(db);
      record.run(m.version, m.name, now().toISOString());
      applied.push(m.version);
    }
    return { from, to: Math.max(from, latest), applied };
  });
  return run.immediate();
}
