import { readFile, writeFile } from 'node:fs/promises';
import { readEngineConfig } from '../config/engineConfig.js';
import { Engine } from '../engine/engine.js';
import {
  type CalibrationSet,
  DEFAULT_SIZES,
  offTopic,
  squadSets,
} from '../eval/calibrate/calibrationSets.js';
import type { CollectedQuestion } from '../eval/calibrate/collect.js';
import {
  calibrationFrom,
  collectSets,
  crossValidate,
  formatCurve,
  formatFitScores,
  tradeOffCurve,
} from '../eval/calibrate/runCalibration.js';
import { answerPhrases, isAnswerable, parseQuestions } from '../eval/question.js';
import { parseCliArgs } from './cliArgs.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const DEFAULT_NEWS = ['eval/questions.jsonl', 'eval/dev-questions.jsonl', 'eval/paraphrase.jsonl'];
const USAGE = `usage: npm run calibrate -- [--squad DIR] [--news a.jsonl,b.jsonl] [--out FILE] [--collected FILE] [--dry-run]
  fits the rerank and the answerability model (src/search/calibration.json) on SQuAD-train's distractor
  articles (DIR, default ../shared/squad; read by path, never copied) and the news question sets over the
  knowledge folder (default ${DEFAULT_NEWS.join(',')}); prints cross-validated scores by article
  --collected FILE  reuse (or write) the collected features instead of running every question again
  --dry-run         print the scores, write nothing`;

async function newsSet(files: string[], io: CliIo): Promise<CalibrationSet> {
  const config = readEngineConfig(io.env, 'warn');
  const engine = await Engine.open({
    knowledgeDir: config.knowledgeDir,
    dataDir: '/nonexistent',
    persist: false,
  });
  const questions = [];
  for (const file of files) {
    for (const q of parseQuestions(await readFile(file, 'utf8')))
      questions.push({
        q: q.q,
        expect: isAnswerable(q) ? answerPhrases(q) : [],
        group: `news:${file}:${q.id}`,
      });
  }
  return { name: 'news', state: engine.current, questions };
}

async function main(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(io.argv, {
    options: {
      squad: { type: 'string', default: '../shared/squad' },
      news: { type: 'string', default: DEFAULT_NEWS.join(',') },
      out: { type: 'string', default: 'src/search/calibration.json' },
      collected: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const { squad, out, collected: cache } = values;
  const news = values.news.split(',').filter(Boolean);
  let questions: CollectedQuestion[] | null = null;
  if (cache)
    questions = await readFile(cache, 'utf8').then(
      (s) => JSON.parse(s) as CollectedQuestion[],
      () => null,
    );
  if (!questions) {
    const started = performance.now();
    const newsKnowledge = await newsSet(news, io);
    const sets = [
      ...(await squadSets(squad)),
      newsKnowledge,
      { name: 'offtopic-news', state: newsKnowledge.state, questions: offTopic(squad) },
    ];
    questions = collectSets(sets);
    io.stderr.write(
      `collected ${questions.length} questions in ${Math.round(performance.now() - started)} ms\n`,
    );
    if (cache) await writeFile(cache, JSON.stringify(questions));
  }
  io.stdout.write(`cross-validated by article (2 folds):\n${formatFitScores(crossValidate(questions))}\n`);
  io.stdout.write(
    `\ntrade-off (cross-validated), by the share of answerable training questions let fall below the threshold:\n${formatCurve(tradeOffCurve(questions))}\n\n`,
  );
  const calibration = calibrationFrom(questions, {
    fittedBy: 'npm run calibrate',
    data: [
      `SQuAD v1.0 train (CC BY-SA 4.0), distractor articles only (split D): ${DEFAULT_SIZES.tinyArticles} and ${DEFAULT_SIZES.smallArticles} indexed alone, all but ${DEFAULT_SIZES.outArticles} indexed together; questions about the ${DEFAULT_SIZES.outArticles} others as unanswerable; seed ${DEFAULT_SIZES.seed}`,
      `news: ${news.join(', ')} over the knowledge folder, and questions about those ${DEFAULT_SIZES.outArticles} SQuAD articles asked of it as unanswerable`,
    ],
    questions: questions.length,
  });
  if (values['dry-run']) {
    io.stdout.write(`${JSON.stringify(calibration, null, 2)}\n`);
    return 0;
  }
  await writeFile(out, `${JSON.stringify(calibration, null, 2)}\n`);
  io.stdout.write(`wrote ${out}\n`);
  return 0;
}

export const calibrateCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, calibrateCli);
