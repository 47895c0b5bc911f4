/** Scores fitted models on collected questions, set by set, the way `npm run eval` scores answers. */

import { shareOf } from '../scoreAnswers.js';
import type { CollectedQuestion } from './collect.js';
import type { FittedModels } from './fitModels.js';
import { bestAnswerability, rerank } from './fitModels.js';

export interface FitScores {
  set: string;
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  /** Answerable questions left without an answer, as a share of the answerable. */
  falseNotFound: number;
  /** Unanswerable questions answered "not found", as a share of the unanswerable. */
  abstained: number;
  /** Answered, and none of the first three holds the answer, as a share of the answerable. */
  wrong: number;
}

export function evaluateFit(questions: CollectedQuestion[], models: FittedModels): FitScores[] {
  const bySet = new Map<string, CollectedQuestion[]>();
  for (const q of questions) {
    const group = bySet.get(q.set);
    if (group) group.push(q);
    else bySet.set(q.set, [q]);
  }
  return [...bySet].map(([set, qs]) => {
    let answerable = 0;
    let unanswerable = 0;
    let hit1 = 0;
    let hit3 = 0;
    let notFound = 0;
    let abstained = 0;
    let wrong = 0;
    for (const q of qs) {
      const r = rerank(q, models.rank);
      const answered =
        r.ranked.length > 0 && bestAnswerability(r, models.answer) >= models.answer.thresholds.question;
      if (!q.answerable) {
        unanswerable++;
        if (!answered) abstained++;
        continue;
      }
      answerable++;
      if (!answered) {
        notFound++;
        continue;
      }
      const rank = r.ranked.findIndex((c) => c.holdsAnswer);
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 3) hit3++;
      else wrong++;
    }
    return {
      set,
      answerable,
      unanswerable,
      hitAt1: shareOf(hit1, answerable),
      hitAt3: shareOf(hit3, answerable),
      falseNotFound: shareOf(notFound, answerable),
      abstained: shareOf(abstained, unanswerable),
      wrong: shareOf(wrong, answerable),
    };
  });
}
