import { createInterface } from 'node:readline';
import { MAX_QUERY_CHARS } from '../search/answerQuery.js';
import { answerJson } from './answerJson.js';
import { UsageError } from './errors.js';
import { ANSI, formatAnswerText, PLAIN } from './formatAnswerText.js';
import { openSavedIndex } from './openEngine.js';
import { ASK_USAGE, parseAskArgs } from './parseAskArgs.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

async function main(io: CliIo): Promise<number> {
  const args = parseAskArgs(io.argv);
  if (args.question === null && io.stdin.isTTY) throw new UsageError('give a question');
  const engine = await openSavedIndex(io, args.sync);
  const style = io.stdout.isTTY ? ANSI : PLAIN;
  const answer = (question: string): void => {
    if (question.length > MAX_QUERY_CHARS)
      io.stderr.write(`notice: question cut to its first ${MAX_QUERY_CHARS} characters\n`);
    const result = engine.knowledge.ask(question, { limit: args.limit });
    io.stdout.write(
      args.json ? `${JSON.stringify(answerJson(result))}\n` : `${formatAnswerText(result, style)}\n\n`,
    );
  };
  if (args.question !== null) {
    answer(args.question);
    return 0;
  }
  let asked = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    const question = line.trim();
    if (question.length === 0) continue;
    answer(question);
    asked++;
  }
  if (asked === 0) throw new UsageError('no question on standard input');
  return 0;
}

export const askCli: Cli = { usage: ASK_USAGE, main };

runAsScript(import.meta.url, askCli);
