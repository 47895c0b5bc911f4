import { schema } from './001_schema.js';
import { sharedSessions } from './002_sharedSessions.js';
import type { PgMigration } from './pgMigration.js';

/** Every PostgreSQL migration, in order. A new one gets the next number and goes at the end; none is ever edited. */
export const PG_MIGRATIONS: readonly PgMigration[] = [schema, sharedSessions];
