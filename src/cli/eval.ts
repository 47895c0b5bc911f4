import { readFile } from 'node:fs/promises';
import { parseQuestions } from '../eval/question.js';
import { formatScores, runEval } from '../eval/runEval.js';
import { forTerminal } from '../util/forTerminal.js';
import { openSavedIndex } from './openEngine.js';
import { runCli } from './runCli.js';
import { UsageError } from './usageError.js';

const USAGE = `usage: npm run eval -- [questions.jsonl] [--json] [--sync]
  scores retrieval on a questions file (default eval/questions.jsonl); see eval/README.md
  --json   print the scores as one JSON object
  --sync   bring the saved index up to date with the knowledge folder first (else it is read only)`;

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const json = args.includes('--json');
  const sync = args.includes('--sync');
  const files = args.filter((a) => a !== '--json' && a !== '--sync');
  if (files.some((f) => f.startsWith('--')))
    throw new UsageError(`unknown option ${files.find((f) => f.startsWith('--'))}`);
  const file = files[0] ?? 'eval/questions.jsonl';
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const questions = parseQuestions(source);
  const engine = await openSavedIndex(sync);
  const scores = runEval(engine, questions);
  process.stdout.write(json ? `${JSON.stringify(scores)}\n` : `${forTerminal(formatScores(scores))}\n`);
  return 0;
}

runCli(main, USAGE);
