import { createInterface } from 'node:readline';
import { MAX_QUERY_CHARS } from '../search/answerQuery.js';
import { answerJson } from './answerJson.js';
import { UsageError } from './errors.js';
import { ANSI, formatAnswerText, PLAIN } from './formatAnswerText.js';
import { openSavedIndex } from './openEngine.js';
import { ASK_USAGE, parseAskArgs } from './parseAskArgs.js';
import { runCli } from './runCli.js';

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if (args.question === null && process.stdin.isTTY) throw new UsageError('give a question');
  const engine = await openSavedIndex(args.sync);
  const style = process.stdout.isTTY ? ANSI : PLAIN;
  const answer = (question: string): void => {
    if (question.length > MAX_QUERY_CHARS)
      process.stderr.write(`notice: question cut to its first ${MAX_QUERY_CHARS} characters\n`);
    const result = engine.knowledge.ask(question, { limit: args.limit });
    process.stdout.write(
      args.json ? `${JSON.stringify(answerJson(result))}\n` : `${formatAnswerText(result, style)}\n\n`,
    );
  };
  if (args.question !== null) {
    answer(args.question);
    return 0;
  }
  let asked = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    const question = line.trim();
    if (question.length === 0) continue;
    answer(question);
    asked++;
  }
  if (asked === 0) throw new UsageError('no question on standard input');
  return 0;
}

runCli(main, ASK_USAGE);
