import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImportedFeedback, importFeedbackFile } from './importFeedbackFile.js';
import { SqliteState } from './sqlite/sqliteState.js';
import type { State } from './state.js';

/** The state database's file in DATA_DIR. */
export const STATE_FILE = 'state.db';

export interface OpenedState {
  state: State;
  /** What an old DATA_DIR/feedback.jsonl brought in on this open; null when there was none. */
  imported: ImportedFeedback | null;
}

export const statePath = (dataDir: string) => join(dataDir, STATE_FILE);

/**
 * Opens the state for the bot and the command line: DATA_DIR/state.db, created and migrated as
 * needed, with an old feedback.jsonl imported once. Throws StateError when the database cannot be
 * used (a newer schema, not a database), with the reason.
 */
export async function openState(dataDir: string, now: () => Date = () => new Date()): Promise<OpenedState> {
  await mkdir(dataDir, { recursive: true });
  const state = SqliteState.open({ path: statePath(dataDir), now });
  try {
    return { state, imported: await importFeedbackFile(state.feedback, dataDir, now) };
  } catch (error) {
    await state.close();
    throw error;
  }
}
