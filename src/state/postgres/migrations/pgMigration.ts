import type { PoolClient } from 'pg';

/** One step of the PostgreSQL schema: versions run in order, once, inside the migrating transaction. */
export interface PgMigration {
  version: number;
  name: string;
  up(client: PoolClient): Promise<void>;
}
