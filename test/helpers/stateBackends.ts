import { after, test } from 'node:test';
import { TestPostgres } from '../../harness/postgres.js';
import { PgState } from '../../src/state/postgres/pgState.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import type { State } from '../../src/state/state.js';

type TestContext = { after(fn: () => Promise<void>): void };

/** One implementation of State under contract: opened fresh and empty for each test. */
export interface StateBackend {
  name: 'SQLite' | 'PostgreSQL';
  open(t: TestContext, now?: () => Date): Promise<State>;
  /** Rows of a plain SELECT on the state's own database (`?` placeholders), to look behind the interface. */
  rows(state: State, sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
}

let postgres: Promise<TestPostgres> | undefined;

// At the top level: the hook is the whole file's, not that of the test that first needed PostgreSQL.
after(async () => (await postgres)?.stop());

/** The test process's PostgreSQL, started on first use and stopped when the file's tests end. */
export function testPostgres(): Promise<TestPostgres> {
  postgres ??= TestPostgres.start();
  return postgres;
}

const sqlite: StateBackend = {
  name: 'SQLite',
  async open(t, now) {
    const state = SqliteState.open({ path: MEMORY, ...(now && { now }) });
    t.after(() => state.close());
    return state;
  },
  async rows(state, sql, ...params) {
    return (state as SqliteState).db.prepare(sql).all(...params) as Record<string, unknown>[];
  },
};

const postgresql: StateBackend = {
  name: 'PostgreSQL',
  async open(t, now) {
    const url = await (await testPostgres()).createDatabase('state');
    const state = await PgState.open({ url, ...(now && { now }) });
    t.after(() => state.close());
    return state;
  },
  async rows(state, sql, ...params) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    return (await (state as PgState).pool.query(text, params)).rows as Record<string, unknown>[];
  },
};

export const STATE_BACKENDS: readonly StateBackend[] = [sqlite, postgresql];

/** A test of the State contract, run once on SQLite and once on PostgreSQL. */
export function contractTest(
  name: string,
  body: (t: TestContext, backend: StateBackend) => Promise<void>,
): void {
  for (const backend of STATE_BACKENDS) test(`${backend.name}: ${name}`, (t) => body(t, backend));
}
