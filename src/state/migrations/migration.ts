import type { Database } from 'better-sqlite3';

/** One step of the schema. Versions run in order, once, each database remembering which it has. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
