import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readEngineConfig } from '../config/engineConfig.js';
import { readDatabaseUrl } from '../config/serviceConfig.js';
import { formatSummary } from '../feedback/formatSummary.js';
import { passageLabel } from '../feedback/passageLabel.js';
import { type FeedbackSummary, labelPassages, summarizeRecords } from '../feedback/summarize.js';
import type { SearchState } from '../search/searchState.js';
import { FEEDBACK_FILE } from '../state/importFeedbackFile.js';
import { openState, statePath } from '../state/openState.js';
import { describeDatabase } from '../state/postgres/pgState.js';
import { forTerminal } from '../util/forTerminal.js';
import { parseCliArgs } from './cliArgs.js';
import { openEngine } from './openEngine.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const USAGE = `usage: npm run feedback -- [--json]
  summarises the feedback in DATA_DIR/state.db (PostgreSQL with DATABASE_URL): most-flagged passages, questions answered
  "not found", questions voted unhelpful; --json prints one JSON object`;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The feedback recorded so far, or null when there is none anywhere (nothing is created then). An
 * old feedback.jsonl not imported yet is imported now, as the bot would at its next start.
 */
async function readSummary(dataDir: string, databaseUrl: string | null): Promise<FeedbackSummary | null> {
  if (
    databaseUrl === null &&
    !(await exists(statePath(dataDir))) &&
    !(await exists(join(dataDir, FEEDBACK_FILE)))
  )
    return null;
  const { state } = await openState({ dataDir, databaseUrl });
  try {
    const [records, imports, misses] = await Promise.all([
      state.feedback.list(),
      state.feedback.imports(),
      state.gaps.asked(),
    ]);
    return summarizeRecords(
      records,
      imports.reduce((sum, i) => sum + i.skipped, 0),
      misses,
    );
  } finally {
    await state.close();
  }
}

/** The saved index, read only (no reindex, nothing written); without one, passages show by id alone. */
async function savedIndex(io: CliIo): Promise<SearchState | null> {
  try {
    return (await openEngine(io, 'error', false)).current;
  } catch {
    return null;
  }
}

async function main(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(io.argv, { options: { json: { type: 'boolean' } } });
  const json = values.json ?? false;
  const { dataDir } = readEngineConfig(io.env, 'warn');
  const databaseUrl = readDatabaseUrl(io.env);
  const path = databaseUrl === null ? statePath(dataDir) : describeDatabase(databaseUrl);
  const found = await readSummary(dataDir, databaseUrl);
  if (found === null && !json) {
    io.stdout.write(`${forTerminal(`no feedback yet (${path} does not exist)`, { oneLine: true })}\n`);
    return 0;
  }
  let summary = found ?? summarizeRecords([]);
  const state = summary.flagged.length > 0 ? await savedIndex(io) : null;
  const indexed = state !== null && state.passages.size > 0;
  if (state && indexed) summary = labelPassages(summary, (id) => passageLabel(state, id));
  const out = json
    ? JSON.stringify({ file: path, ...summary })
    : formatSummary(summary, path, indexed || summary.flagged.length === 0);
  io.stdout.write(`${json ? out : forTerminal(out)}\n`);
  return 0;
}

export const feedbackCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, feedbackCli);
