import { MAX_LIMIT } from '../search/answerQuery.js';
import { parseCliArgs, wholeNumber } from './cliArgs.js';
import { UsageError } from './errors.js';

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
  --json       print JSON (the contract in README "The JSON answer")
  --limit N    citations to return, 1-${MAX_LIMIT} (default 3)
  --sync       bring the saved index up to date with the knowledge folder first (as npm run reindex)`;

export function parseAskArgs(argv: readonly string[]): AskArgs {
  const { values, positionals } = parseCliArgs(argv, {
    options: { json: { type: 'boolean' }, sync: { type: 'boolean' }, limit: { type: 'string' } },
    allowPositionals: true,
  });
  const limit = values.limit === undefined ? 3 : wholeNumber('--limit', values.limit, 1, MAX_LIMIT);
  const args: AskArgs = { json: values.json ?? false, sync: values.sync ?? false, limit, question: null };
  if (positionals.length > 0) {
    const question = positionals.join(' ').trim();
    if (question.length === 0) throw new UsageError('the question is empty');
    args.question = question;
  }
  return args;
}
