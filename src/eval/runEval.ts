import type { Engine } from '../engine/engine.js';
import type { EvalQuestion } from './question.js';
import { type EvalScores, scoreAnswers } from './scoreAnswers.js';

export function runEval(engine: Engine, questions: EvalQuestion[]): EvalScores {
  return scoreAnswers(
    questions.map((question) => ({ question, answer: engine.ask(question.q, { limit: 5 }) })),
  );
}

export function formatScores(s: EvalScores): string {
  const lines = [
    `answerable ${s.answerable}, unanswerable ${s.unanswerable}`,
    `hit@1 ${s.hitAt1.toFixed(3)}  hit@3 ${s.hitAt3.toFixed(3)}  MRR@5 ${s.mrrAt5.toFixed(3)}  quote@3 ${s.quoteAt3.toFixed(3)}`,
    `abstained ${s.abstained}/${s.unanswerable}  false abstentions ${s.falseAbstentions}`,
  ];
  if (s.misses.length > 0) lines.push('misses:', ...s.misses.map((m) => `  ${m.id} ${m.problem} — ${m.q}`));
  return lines.join('\n');
}
