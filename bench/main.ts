import { type Cli, type CliIo, runAsScript } from '../src/cli/runCli.js';
import { BENCH_USAGE, parseBenchArgs } from './args.js';
import { readQuestions } from './querySet.js';
import { fullReport } from './report.js';
import { runBench } from './runBench.js';
import { saveResults } from './saveResults.js';

async function main(io: CliIo): Promise<number> {
  const args = parseBenchArgs(io.argv);
  const started = performance.now();
  const results = await runBench({
    ...args,
    knowledgeDir: 'knowledge',
    questions: await readQuestions('eval/questions.jsonl'),
    log: (line) =>
      io.stderr.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`),
  });
  const path = await saveResults('bench-results', results);
  io.stdout.write(`${fullReport(results)}\n\nresults: ${path}\n`);
  return 0;
}

export const benchCli: Cli = { usage: BENCH_USAGE, main };

runAsScript(import.meta.url, benchCli);
