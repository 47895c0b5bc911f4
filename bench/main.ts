import { type Cli, type CliIo, runAsScript } from '../src/cli/runCli.js';
import { BENCH_USAGE, parseBenchArgs } from './args.js';
import { httpReport, runHttpBench } from './httpReplicas.js';
import { readQuestions } from './querySet.js';
import { fullReport } from './report.js';
import { runBench } from './runBench.js';
import { saveJson } from './saveResults.js';

async function main(io: CliIo): Promise<number> {
  const args = parseBenchArgs(io.argv);
  const started = performance.now();
  const log = (line: string) =>
    io.stderr.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
  const questions = await readQuestions('eval/questions.jsonl');
  if (args.http) {
    const http = await runHttpBench({ questions, log });
    const path = await saveJson('bench-results', 'bench-http', http);
    io.stdout.write(`${httpReport(http)}\n\nresults: ${path}\n`);
    return 0;
  }
  const results = await runBench({ ...args, knowledgeDir: 'knowledge', questions, log });
  const path = await saveJson('bench-results', 'bench', results);
  io.stdout.write(`${fullReport(results)}\n\nresults: ${path}\n`);
  return 0;
}

export const benchCli: Cli = { usage: BENCH_USAGE, main };

runAsScript(import.meta.url, benchCli);
