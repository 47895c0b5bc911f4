/** `npm run calibrate`: collects the labelled questions, cross-validates, fits on all, writes calibration.json. */

import { createHash } from 'node:crypto';
import type { Calibration } from '../../search/calibration.js';
import { alignColumns } from '../alignColumns.js';
import { shareOf } from '../scoreAnswers.js';
import type { CalibrationSet } from './calibrationSets.js';
import { type CollectedQuestion, collect } from './collect.js';
import { evaluateFit, type FitScores } from './evaluateFit.js';
import { DEFAULT_FIT, type FitSettings, fitModels } from './fitModels.js';

const FOLDS = 2;

function foldOf(group: string): number {
  return createHash('sha256').update(group).digest()[0]! % FOLDS;
}

export function collectSets(sets: CalibrationSet[]): CollectedQuestion[] {
  return sets.flatMap((s) => collect(s.state, s.name, s.questions));
}

/** The trade-off: cross-validated scores at several operating points (share of answerable questions lost). */
export function tradeOffCurve(
  questions: CollectedQuestion[],
  lost: readonly number[] = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1],
  settings: FitSettings = DEFAULT_FIT,
): { lost: number; scores: FitScores[] }[] {
  return lost.map((share) => ({
    lost: share,
    scores: crossValidate(questions, { ...settings, lostQuestions: share }),
  }));
}

export function formatCurve(curve: { lost: number; scores: FitScores[] }[]): string {
  const sets = curve[0]?.scores.map((s) => s.set) ?? [];
  const header = ['lost', ...sets.flatMap((set) => [`${set} not found`, 'abstained'])];
  const rows = curve.map(({ lost, scores }) => [
    `${Math.round(lost * 100)}%`,
    ...scores.flatMap((s) => [s.falseNotFound.toFixed(3), s.abstained.toFixed(3)]),
  ]);
  return alignColumns([header, ...rows], 0);
}

/** Scores on questions whose group (article) the models never saw, fold by fold, pooled. */
export function crossValidate(
  questions: CollectedQuestion[],
  settings: FitSettings = DEFAULT_FIT,
): FitScores[] {
  const bySet = new Map<string, FitScores[]>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const models = fitModels(
      questions.filter((q) => foldOf(q.group) !== fold),
      settings,
    );
    for (const scores of evaluateFit(
      questions.filter((q) => foldOf(q.group) === fold),
      models,
    )) {
      const parts = bySet.get(scores.set);
      if (parts) parts.push(scores);
      else bySet.set(scores.set, [scores]);
    }
  }
  return [...bySet].map(([set, parts]) => mergeScores(set, parts));
}

function mergeScores(set: string, parts: FitScores[]): FitScores {
  const answerable = parts.reduce((n, p) => n + p.answerable, 0);
  const unanswerable = parts.reduce((n, p) => n + p.unanswerable, 0);
  /** A per-fold share pooled over the folds, each weighted by the questions it was taken of. */
  const pooled = (
    key: 'hitAt1' | 'hitAt3' | 'falseNotFound' | 'abstained' | 'wrong',
    of: 'answerable' | 'unanswerable',
  ) =>
    shareOf(
      parts.reduce((n, p) => n + p[key] * p[of], 0),
      of === 'answerable' ? answerable : unanswerable,
    );
  return {
    set,
    answerable,
    unanswerable,
    hitAt1: pooled('hitAt1', 'answerable'),
    hitAt3: pooled('hitAt3', 'answerable'),
    falseNotFound: pooled('falseNotFound', 'answerable'),
    abstained: pooled('abstained', 'unanswerable'),
    wrong: pooled('wrong', 'answerable'),
  };
}

export function calibrationFrom(
  questions: CollectedQuestion[],
  provenance: Record<string, unknown>,
  settings: FitSettings = DEFAULT_FIT,
): Calibration {
  const models = fitModels(questions, settings);
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e6) / 1e6);
  const tidy = <T extends { mean: number[]; scale: number[]; weights: number[]; bias: number }>(m: T): T => ({
    ...m,
    mean: round(m.mean),
    scale: round(m.scale),
    weights: round(m.weights),
    bias: Math.round(m.bias * 1e6) / 1e6,
  });
  return { version: 1, provenance, rank: tidy(models.rank), answer: tidy(models.answer) };
}

export function formatFitScores(scores: FitScores[]): string {
  const header = ['set', 'answerable', 'unanswerable', 'hit@1', 'hit@3', 'not found', 'wrong', 'abstained'];
  const rows = scores.map((s) => [
    s.set,
    String(s.answerable),
    String(s.unanswerable),
    s.hitAt1.toFixed(3),
    s.hitAt3.toFixed(3),
    s.falseNotFound.toFixed(3),
    s.wrong.toFixed(3),
    s.unanswerable ? s.abstained.toFixed(3) : '—',
  ]);
  return alignColumns([header, ...rows], 1);
}
