import { createInterface } from 'node:readline';
import { MAX_QUERY_CHARS } from '../search/answerQuery.js';
import { answerJson, timelineJson } from './answerJson.js';
import { UsageError } from './errors.js';
import { ANSI, formatAnswerText, formatTimelineText, PLAIN } from './formatAnswerText.js';
import { openSavedIndex } from './openEngine.js';
import { ASK_USAGE, parseAskArgs } from './parseAskArgs.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

async function main(io: CliIo): Promise<number> {
  const args = parseAskArgs(io.argv);
  if (args.question === null && io.stdin.isTTY) throw new UsageError('give a question');
  const engine = await openSavedIndex(io, args.sync);
  const style = io.stdout.isTTY ? ANSI : PLAIN;
  if (args.timeline && args.question !== null) {
    const topic = args.question;
    const page = engine.knowledge.timeline(topic, (args.page - 1) * args.limit, args.limit);
    const pages = Math.ceil(page.total / args.limit);
    if (page.total > 0 && args.page > pages)
      throw new UsageError(`--page ${args.page}: the timeline has ${pages} page(s)`);
    io.stdout.write(
      args.json
        ? `${JSON.stringify(timelineJson(topic, page))}\n`
        : `${formatTimelineText(topic, page, args.limit, style)}\n`,
    );
    return 0;
  }
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
