import { MAX_LIMIT } from '../search/answerQuery.js';
import { parseCliArgs, wholeNumber } from './cliArgs.js';
import { UsageError } from './errors.js';

export interface AskArgs {
  json: boolean;
  /** Bring the saved index up to date with the knowledge folder first (takes the index lock, may save). */
  sync: boolean;
  /** Citations to print; with --timeline, passages a page. */
  limit: number;
  /** List the dated passages on the topic, oldest first, instead of answering. */
  timeline: boolean;
  /** With --timeline: which page, from 1. */
  page: number;
  /** Null: read questions from stdin, one a line. */
  question: string | null;
}

/** Passages a --timeline page lists unless --limit says otherwise, and the most it may. */
const TIMELINE_PAGE = 10;
const MAX_TIMELINE_PAGE = 50;

export const ASK_USAGE = `usage: npm run ask -- [--json] [--limit N] [--sync] "question"
       npm run ask -- --json < questions.txt   (one question a line, one JSON object a line)
       npm run ask -- --timeline [--page N] [--limit N] [--json] "topic"
  answers from the saved index in DATA_DIR, read only (built first when there is none); says in one
  line when the knowledge folder changed since
  --json       print JSON (the contract in README "The JSON answer")
  --limit N    citations to return, 1-${MAX_LIMIT} (default 3)
  --timeline   the dated passages on the topic, oldest first, ${TIMELINE_PAGE} a page (--limit 1-${MAX_TIMELINE_PAGE})
  --page N     with --timeline: the page to print (default 1)
  --sync       bring the saved index up to date with the knowledge folder first (as npm run reindex)`;

export function parseAskArgs(argv: readonly string[]): AskArgs {
  const { values, positionals } = parseCliArgs(argv, {
    options: {
      json: { type: 'boolean' },
      sync: { type: 'boolean' },
      limit: { type: 'string' },
      timeline: { type: 'boolean' },
      page: { type: 'string' },
    },
    allowPositionals: true,
  });
  const timeline = values.timeline ?? false;
  if (!timeline && values.page !== undefined) throw new UsageError('--page goes with --timeline');
  const [defaultLimit, maxLimit] = timeline ? [TIMELINE_PAGE, MAX_TIMELINE_PAGE] : [3, MAX_LIMIT];
  const limit = values.limit === undefined ? defaultLimit : wholeNumber('--limit', values.limit, 1, maxLimit);
  const page = values.page === undefined ? 1 : wholeNumber('--page', values.page, 1, 10_000);
  const args: AskArgs = {
    json: values.json ?? false,
    sync: values.sync ?? false,
    limit,
    timeline,
    page,
    question: null,
  };
  if (positionals.length > 0) {
    const question = positionals.join(' ').trim();
    if (question.length === 0)
      throw new UsageError(timeline ? 'the topic is empty' : 'the question is empty');
    args.question = question;
  }
  if (timeline && args.question === null) throw new UsageError('give a topic for --timeline');
  return args;
}
