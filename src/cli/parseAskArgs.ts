import { MAX_LIMIT } from '../search/answerQuery.js';
import { UsageError } from './usageError.js';

export interface AskArgs {
  json: boolean;
  /** Bring the saved index up to date with the knowledge folder first (takes the index lock, may save). */
  sync: boolean;
  limit: number;
  /** Null: read questions from stdin, one a line. */
  question: string | null;
}

export const ASK_USAGE = `usage: npm run ask -- [--json] [--limit N] [--sync] "question"
       npm run ask -- --json < questions.txt   (one question a line, one JSON object a line)
  answers from the saved index in DATA_DIR, read only (built first when there is none); says in one
  line when the knowledge folder changed since
  --json       print JSON (the contract in README "CLI")
  --limit N    citations to return, 1-${MAX_LIMIT} (default 3)
  --sync       bring the saved index up to date with the knowledge folder first (as npm run reindex)`;

export function parseAskArgs(argv: string[]): AskArgs {
  const args: AskArgs = { json: false, sync: false, limit: 3, question: null };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--sync') args.sync = true;
    else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
        throw new UsageError(`--limit takes a whole number from 1 to ${MAX_LIMIT} (got "${value ?? ''}")`);
      args.limit = limit;
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else words.push(arg);
  }
  if (words.length > 0) {
    const question = words.join(' ').trim();
    if (question.length === 0) throw new UsageError('the question is empty');
    args.question = question;
  }
  return args;
}
