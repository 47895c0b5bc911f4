import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImportedFeedback, importFeedbackFile } from './importFeedbackFile.js';
import { PgState } from './postgres/pgState.js';
import { SqliteState } from './sqlite/sqliteState.js';
import type { State } from './state.js';

/** The state database's file in DATA_DIR. */
export const STATE_FILE = 'state.db';

export interface OpenedState {
  state: State;
  /** What an old DATA_DIR/feedback.jsonl brought in on this open; null when there was none. */
  imported: ImportedFeedback | null;
}

export interface StateLocation {
  dataDir: string;
  /** DATABASE_URL: every store in PostgreSQL, nothing written to state.db; null for SQLite in DATA_DIR. */
  databaseUrl: string | null;
  now?: () => Date;
  /** A PostgreSQL connection that died while idle (logged; the pool reconnects). */
  onIdleError?: (error: Error) => void;
}

export const statePath = (dataDir: string) => join(dataDir, STATE_FILE);

/**
 * Opens the state for the bot and the command line: PostgreSQL at DATABASE_URL, else DATA_DIR/state.db,
 * created and migrated as needed, with an old feedback.jsonl imported once. Throws StateError, in one
 * line, when the database cannot be used (unreachable, read-only, damaged, of a newer schema).
 */
export async function openState(where: StateLocation): Promise<OpenedState> {
  const now = where.now ?? (() => new Date());
  await mkdir(where.dataDir, { recursive: true });
  const state = where.databaseUrl
    ? await PgState.open({
        url: where.databaseUrl,
        now,
        ...(where.onIdleError && { onIdleError: where.onIdleError }),
      })
    : SqliteState.open({ path: statePath(where.dataDir), now });
  try {
    return { state, imported: await importFeedbackFile(state.feedback, where.dataDir, now) };
  } catch (error) {
    await state.close();
    throw error;
  }
}
