/**
 * Fits the two models of calibration.json on collected questions: the rerank (does this candidate hold the
 * answer?) and the answerability model (is this question answered by the knowledge at all?), then sets the
 * citing thresholds from the share of answerable questions one accepts to lose.
 */

import { answerability, questionFeatures } from '../../search/abstain.js';
import type { AnswerModel } from '../../search/calibration.js';
import { CANDIDATE_FEATURES, type CandidateFeatures } from '../../search/features.js';
import { type LinearModel, linearScore } from '../../search/linearModel.js';
import type { CollectedCandidate, CollectedQuestion } from './collect.js';
import { fitLogistic, type Sample } from './logistic.js';

export const RANK_MODEL_FEATURES: readonly string[] = CANDIDATE_FEATURES;
export const ANSWER_MODEL_FEATURES: readonly string[] = [
  ...CANDIDATE_FEATURES,
  'unknown',
  'unknownFull',
  'typos',
  'terms',
  'margin',
  'docShare',
  'rankScore',
];

export interface FitSettings {
  /** Share of answerable questions allowed below the question threshold, and below the claim threshold. */
  lostQuestions: number;
  lostClaims: number;
  /** Weight of each question of a set (news sets are small and are weighted up). */
  setWeight: (set: string) => number;
  l2: number;
  rankFeatures: readonly string[];
  answerFeatures: readonly string[];
}

export const DEFAULT_FIT: FitSettings = {
  lostQuestions: 0.03,
  lostClaims: 0.02,
  setWeight: (set) => (set.startsWith('news') ? 10 : 1),
  l2: 1e-3,
  rankFeatures: RANK_MODEL_FEATURES,
  answerFeatures: ANSWER_MODEL_FEATURES,
};

function vector(names: readonly string[], values: Readonly<Record<string, number>>): number[] {
  return names.map((n) => values[n] ?? 0);
}

/**
 * The rerank is fitted on pairs: for each question, every candidate holding the answer against every one
 * that does not (the difference of their features, both ways round). That fits the order directly, which
 * is all the rerank is for; each question weighs the same however many pairs it has.
 */
function fitRanker(questions: CollectedQuestion[], settings: FitSettings): LinearModel {
  const samples: Sample[] = [];
  for (const q of questions) {
    if (!q.answerable) continue;
    const positives = q.candidates
      .filter((c) => c.holdsAnswer)
      .map((c) => vector(settings.rankFeatures, c.features));
    const negatives = q.candidates
      .filter((c) => !c.holdsAnswer)
      .map((c) => vector(settings.rankFeatures, c.features));
    const pairs = positives.length * negatives.length;
    if (pairs === 0) continue;
    const weight = settings.setWeight(q.set) / pairs;
    for (const p of positives)
      for (const n of negatives) {
        const diff = p.map((v, j) => v - n[j]!);
        samples.push({ x: diff, y: 1, weight });
        samples.push({ x: diff.map((v) => -v), y: 0, weight });
      }
  }
  const fitted = fitLogistic([...settings.rankFeatures], samples, { l2: settings.l2 });
  // Differences centre on zero: the standardisation's mean belongs to no feature's own scale.
  return { ...fitted, mean: fitted.mean.map(() => 0), bias: 0 };
}

export interface Reranked {
  question: CollectedQuestion;
  ranked: (CollectedCandidate & { score: number })[];
}

export function rerank(question: CollectedQuestion, ranker: LinearModel): Reranked {
  const ranked = question.candidates
    .map((c) => ({ ...c, score: linearScore(ranker, c.features) }))
    .sort((a, b) => b.score - a.score);
  return { question, ranked };
}

function context(r: Reranked): Record<string, number> {
  return questionFeatures(r.question.plan, r.ranked, r.question.totalPassages);
}

function answerInput(
  candidate: { features: CandidateFeatures; score: number },
  context: Record<string, number>,
) {
  return { ...candidate.features, ...context, rankScore: candidate.score };
}

function fitAnswerModel(reranked: Reranked[], settings: FitSettings): LinearModel {
  const samples: Sample[] = [];
  for (const r of reranked) {
    const top = r.ranked[0];
    if (!top) continue;
    samples.push({
      x: vector(settings.answerFeatures, answerInput(top, context(r))),
      y: r.question.answerable ? 1 : 0,
      weight: settings.setWeight(r.question.set),
    });
  }
  return fitLogistic([...settings.answerFeatures], samples, { l2: settings.l2 });
}

/** The answerability of a question's best candidate: it is answered when this passes the threshold. */
export function bestAnswerability(r: Reranked, model: LinearModel): number {
  const top = r.ranked[0];
  return top ? answerability(top, context(r), model) : 0;
}

function quantile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0.5;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * sorted.length)))]!;
}

/** Thresholds from answerable SQuAD and news questions alike: that share of them may fall below. */
function chooseThresholds(reranked: Reranked[], model: LinearModel, settings: FitSettings) {
  const scores = reranked
    .filter((r) => r.question.answerable && r.ranked.length > 0)
    .map((r) => bestAnswerability(r, model))
    .sort((a, b) => a - b);
  return { question: quantile(scores, settings.lostQuestions), claim: quantile(scores, settings.lostClaims) };
}

export interface FittedModels {
  rank: LinearModel;
  answer: AnswerModel;
}

export function fitModels(questions: CollectedQuestion[], settings: FitSettings = DEFAULT_FIT): FittedModels {
  const rank = fitRanker(questions, settings);
  const reranked = questions.map((q) => rerank(q, rank));
  const answer = fitAnswerModel(reranked, settings);
  return { rank, answer: { ...answer, thresholds: chooseThresholds(reranked, answer, settings) } };
}
