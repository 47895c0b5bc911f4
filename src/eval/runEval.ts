import type { KnowledgeReader } from '../engine/knowledgeReader.js';
import { alignColumns } from './alignColumns.js';
import type { Bm25Baseline } from './bm25Baseline.js';
import type { EvalQuestion } from './question.js';
import { type EvalScores, scoreAnswers } from './scoreAnswers.js';

/** Citations scored per question: MRR@5 looks at the first five. */
const DEPTH = 5;

export function runEval(knowledge: Pick<KnowledgeReader, 'ask'>, questions: EvalQuestion[]): EvalScores {
  return scoreAnswers(
    questions.map((question) => ({ question, answer: knowledge.ask(question.q, { limit: DEPTH }) })),
  );
}

/** The baseline never abstains and quotes whole passages. */
export function runBaseline(baseline: Bm25Baseline, questions: EvalQuestion[]): EvalScores {
  return scoreAnswers(
    questions.map((question) => ({
      question,
      answer: {
        citations: baseline.search(question.q, DEPTH).map((p) => ({ text: p.text, quote: p.text })),
      },
    })),
  );
}

export function formatScores(s: EvalScores): string {
  const lines = [
    `answerable ${s.answerable}, unanswerable ${s.unanswerable}`,
    `hit@1 ${s.hitAt1.toFixed(3)}  hit@3 ${s.hitAt3.toFixed(3)}  MRR@5 ${s.mrrAt5.toFixed(3)}  quote@3 ${s.quoteAt3.toFixed(3)}`,
    `abstained ${s.abstained}/${s.unanswerable}  false "not found" ${s.falseAbstentions}  wrong answers ${s.wrongAnswers}`,
  ];
  if (s.sides > 0) lines.push(`every side in the first three ${s.allSidesAt3}/${s.sides}`);
  if (s.misses.length > 0) lines.push('misses:', ...s.misses.map((m) => `  ${m.id} ${m.problem} — ${m.q}`));
  return lines.join('\n');
}

export interface FileScores {
  file: string;
  ours: EvalScores;
  baseline: EvalScores;
}

const HEADER = [
  'file',
  'system',
  'n',
  'hit@1',
  'hit@3',
  'MRR@5',
  'quote@3',
  'abstained',
  'not found',
  'wrong',
  'all sides@3',
];

function row(file: string, system: string, s: EvalScores): string[] {
  return [
    file,
    system,
    `${s.answerable}+${s.unanswerable}`,
    s.hitAt1.toFixed(3),
    s.hitAt3.toFixed(3),
    s.mrrAt5.toFixed(3),
    s.quoteAt3.toFixed(3),
    s.unanswerable > 0 ? `${s.abstained}/${s.unanswerable}` : '—',
    String(s.falseAbstentions),
    String(s.wrongAnswers),
    s.sides > 0 ? `${s.allSidesAt3}/${s.sides}` : '—',
  ];
}

/** One table: per file, our engine and the BM25 baseline on the next line. */
export function formatComparison(results: FileScores[]): string {
  const rows = [HEADER];
  for (const r of results) rows.push(row(r.file, 'ours', r.ours), row('', 'bm25', r.baseline));
  return alignColumns(rows, 2);
}
