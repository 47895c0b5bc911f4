import type pg from 'pg';
import { StateError } from '../errors.js';
import type { MigrationReport } from '../sqlite/migrate.js';
import type { PgMigration } from './migrations/pgMigration.js';
import { transaction } from './pgPool.js';

/** The advisory lock key migrations take: replicas starting at once migrate once, one after another. */
const MIGRATION_LOCK = 0x63640001;

/**
 * Brings the schema up to the last migration in one transaction under an advisory lock: replicas
 * starting together run each step once, and a failed step leaves the database as it was. A database
 * migrated by newer code is refused rather than misread.
 */
export async function migratePg(
  pool: pg.Pool,
  migrations: readonly PgMigration[],
  location: string,
): Promise<MigrationReport> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    const from = rows[0]?.v ?? 0;
    if (from > latest)
      throw new StateError(
        `${location} has schema version ${from}, newer than this version of crisis-desk knows (${latest}); run the newer crisis-desk, or restore a backup of the database made before it`,
      );
    const applied: number[] = [];
    for (const m of migrations.slice(from)) {
      await m.up(client);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return { from, to: Math.max(from, latest), applied };
  });
}
