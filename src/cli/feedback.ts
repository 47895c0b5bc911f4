import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDotEnv, readEngineConfig } from '../config/engineConfig.js';
import { FEEDBACK_FILE } from '../feedback/feedbackLog.js';
import { formatSummary } from '../feedback/formatSummary.js';
import { passageLabel } from '../feedback/passageLabel.js';
import { labelPassages, summarizeFeedback } from '../feedback/summarize.js';
import type { SearchState } from '../search/searchState.js';
import { forTerminal } from '../util/forTerminal.js';
import { openEngine } from './openEngine.js';
import { runCli } from './runCli.js';
import { UsageError } from './usageError.js';

const USAGE = `usage: npm run feedback -- [--json]
  summarises DATA_DIR/feedback.jsonl: most-flagged passages, questions answered "not found",
  questions voted unhelpful; --json prints one JSON object`;

async function readFeedback(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The saved index, read only (no reindex, nothing written); without one, passages show by id alone. */
async function savedIndex(): Promise<SearchState | null> {
  try {
    return (await openEngine('error', false)).current;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = args.find((a) => a !== '--json');
  if (unknown) throw new UsageError(`unknown argument ${unknown}`);
  const json = args.includes('--json');
  loadDotEnv();
  const { dataDir } = readEngineConfig(process.env, 'warn');
  const path = join(dataDir, FEEDBACK_FILE);
  const text = await readFeedback(path);
  if (text === null && !json) {
    process.stdout.write(`${forTerminal(`no feedback yet (${path} does not exist)`, { oneLine: true })}\n`);
    return 0;
  }
  let summary = summarizeFeedback(text ?? '');
  const state = summary.flagged.length > 0 ? await savedIndex() : null;
  const indexed = state !== null && state.passages.size > 0;
  if (state && indexed) summary = labelPassages(summary, (id) => passageLabel(state, id));
  const out = json
    ? JSON.stringify({ file: path, ...summary })
    : formatSummary(summary, path, indexed || summary.flagged.length === 0);
  process.stdout.write(`${json ? out : forTerminal(out)}\n`);
  return 0;
}

runCli(main, USAGE);
