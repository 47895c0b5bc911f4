import { BENCH_USAGE, parseBenchArgs } from '../bench/args.js';
import { readQuestions } from '../bench/querySet.js';
import { fullReport } from '../bench/report.js';
import { runBench } from '../bench/runBench.js';
import { saveResults } from '../bench/saveResults.js';
import { runCli } from './runCli.js';

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  const results = await runBench({
    ...args,
    knowledgeDir: 'knowledge',
    questions: await readQuestions('eval/questions.jsonl'),
    log: (line) =>
      process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`),
  });
  const path = await saveResults('bench-results', results);
  process.stdout.write(`${fullReport(results)}\n\nresults: ${path}\n`);
  return 0;
}

runCli(main, BENCH_USAGE);
