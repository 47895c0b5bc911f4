import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBm25Baseline } from '../eval/bm25Baseline.js';
import { parseQuestions } from '../eval/question.js';
import { type FileScores, formatComparison, formatScores, runBaseline, runEval } from '../eval/runEval.js';
import { forTerminal } from '../util/forTerminal.js';
import { parseCliArgs } from './cliArgs.js';
import { UsageError } from './errors.js';
import { openSavedIndex, openWithDocuments } from './openEngine.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const DEFAULT_FILES = [
  'eval/questions.jsonl',
  'eval/paraphrase.jsonl',
  'eval/dev-questions.jsonl',
  'eval/member-questions.jsonl',
];
const RESULTS_DIR = 'eval-results';

const USAGE = `usage: npm run eval -- [questions.jsonl ...] [--json] [--misses] [--sync] [--out FILE]
  scores retrieval on question files (default: ${DEFAULT_FILES.join(', ')}) against the knowledge
  folder (KNOWLEDGE_DIR), our engine beside a plain BM25 baseline (k1 0.9, b 0.4) over the same passages;
  see eval/README.md. Writes the figures as JSON to ${RESULTS_DIR}/.
  --json    print the JSON instead of the table
  --misses  list each question our engine misses, file by file
  --sync    bring the saved index up to date with the knowledge folder first (else it is read only)
  --with    DIR  also index the documents of DIR (repeatable; an index in memory, nothing saved), for
            sets written over extra documents such as eval/fixtures/updates (eval/HELDOUT.md)
  --out     where to write the JSON (default ${RESULTS_DIR}/eval-<time>.json)`;

async function readQuestions(file: string) {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return parseQuestions(source);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

async function main(io: CliIo): Promise<number> {
  const { values, positionals: files } = parseCliArgs(io.argv, {
    options: {
      json: { type: 'boolean' },
      misses: { type: 'boolean' },
      sync: { type: 'boolean' },
      out: { type: 'string' },
      with: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  if (values.with && values.sync)
    throw new UsageError('--with builds its own index: it cannot go with --sync');
  const json = values.json ?? false;
  const misses = values.misses ?? false;
  const outFile = values.out;
  const sets = await Promise.all(
    (files.length > 0 ? files : DEFAULT_FILES).map(async (file) => ({
      file,
      questions: await readQuestions(file),
    })),
  );
  const engine = values.with
    ? await openWithDocuments(io, values.with)
    : await openSavedIndex(io, values.sync ?? false);
  const baseline = buildBm25Baseline(engine.current.passages.values());
  const results: FileScores[] = sets.map(({ file, questions }) => ({
    file,
    ours: runEval(engine.knowledge, questions),
    baseline: runBaseline(baseline, questions),
  }));
  const report = {
    at: new Date().toISOString(),
    knowledge: { documents: engine.current.documents.size, passages: engine.current.passages.size },
    results,
  };
  const out = outFile ?? path.join(RESULTS_DIR, `eval-${report.at.replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const lines = [
    `knowledge: ${report.knowledge.documents} documents, ${report.knowledge.passages} passages`,
    formatComparison(results),
  ];
  if (misses) for (const r of results) lines.push('', `${r.file}:`, formatScores(r.ours));
  lines.push('', `figures written to ${out}`);
  io.stdout.write(`${forTerminal(lines.join('\n'))}\n`);
  return 0;
}

export const evalCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, evalCli);
