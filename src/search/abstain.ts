/**
 * Whether the knowledge answers a question: a logistic model (calibration.json, fitted by `npm run
 * calibrate` on answerable and unanswerable questions over small and large corpora) gives each ranked
 * passage the probability that it answers; passages below the mode's threshold are not cited.
 *
 * A claim (a member's message checked with Find sources) is held to a lower threshold than a question: its
 * conversational wording matches less of any passage.
 */

import { CALIBRATION } from './calibration.js';
import { type LinearModel, linearScore, logistic } from './linearModel.js';
import type { QueryPlan } from './queryPlan.js';
import type { RankedPassage, Ranking } from './rankPassages.js';
import type { SearchState } from './searchState.js';
import { aboutTheQuestion } from './subjects.js';

export type AnswerMode = 'question' | 'claim';

/** What the question itself says about its chances: words the knowledge lacks, typos, length. */
export interface PlanFeatures {
  unknown: number;
  /** The same share had each unknown word the weight of a word no passage holds (no cap). */
  unknownFull: number;
  typos: number;
  terms: number;
}

export function planFeatures(plan: QueryPlan): PlanFeatures {
  const weightSum = plan.terms.reduce((sum, t) => sum + t.weight, 0) || 1;
  let unknownWeight = 0;
  let unknownCount = 0;
  let typos = 0;
  for (const t of plan.terms) {
    const corrected = t.corrections.length > 0 || t.keyCorrections.length > 0;
    if (t.unknown && !corrected) {
      unknownWeight += t.weight;
      unknownCount++;
    }
    // A name that meets a known one through its transliteration key is another spelling, not a typo.
    if (t.unknown && t.corrections.length > 0 && t.keyCorrections.length === 0) typos++;
  }
  const full = unknownCount * plan.unknownWeight;
  return {
    unknown: unknownWeight / weightSum,
    unknownFull: full / (weightSum - unknownWeight + full || 1),
    typos: plan.terms.length > 0 ? typos / plan.terms.length : 0,
    terms: Math.log1p(plan.terms.length),
  };
}

/** A ranked candidate as the ranking features see it. */
export interface ScoredCandidate {
  score: number;
  documentId: string;
  documentPassages: number;
}

/**
 * What the answerability model sees of the question, beside each passage's own features: the plan's
 * features and how the best passage stands, namely its lead over the second, and how much of the top five
 * comes from its document beyond what that document's share of the passages would give. Fitting (`npm run
 * calibrate`) and answering build it alike.
 */
export function questionFeatures(
  plan: PlanFeatures,
  ranked: readonly ScoredCandidate[],
  totalPassages: number,
): Record<string, number> {
  const top = ranked[0];
  if (!top) return { ...plan, margin: 0, docShare: 0 };
  const second = ranked[1];
  const head = ranked.slice(0, 5);
  const same = head.filter((r) => r.documentId === top.documentId).length / head.length;
  const expected = Math.min(top.documentPassages / Math.max(totalPassages, 1), 1);
  return {
    ...plan,
    margin: second ? top.score - second.score : 0,
    docShare: expected >= 1 ? 0 : (same - expected) / (1 - expected),
  };
}

function scored(ranked: readonly RankedPassage[]): ScoredCandidate[] {
  return ranked.map((r) => ({
    score: r.score,
    documentId: r.document.id,
    documentPassages: r.document.passageIds.length,
  }));
}

/** The probability that a ranked passage answers, given the question's features. */
export function answerability(
  candidate: Pick<RankedPassage, 'features' | 'score'>,
  question: Record<string, number>,
  model: LinearModel = CALIBRATION.answer,
): number {
  return logistic(linearScore(model, candidate.features, question, { rankScore: candidate.score }));
}

function answerThreshold(mode: AnswerMode): number {
  return CALIBRATION.answer.thresholds[mode];
}

/**
 * A passage below the top is cited only while the rerank gives it at least this chance of answering better
 * than the top (the pairwise rerank's logistic of their score difference): the question's standing lifts
 * every passage of a clear answer, not only the ones that hold it.
 */
const FOLLOWER_CHANCE = 0.05;

/**
 * The answerability of each passage that can answer (aboutTheQuestion), in rank order: the question's (its
 * best such passage's) standing with each passage's own features, for the passages the rerank puts close
 * enough to that best one.
 */
function answerabilities(ranked: RankedPassage[], plan: QueryPlan, state: SearchState): number[] {
  const question = questionFeatures(planFeatures(plan), scored(ranked), state.passages.size);
  const top = ranked[0]?.score ?? 0;
  return ranked.map((r, i) =>
    i === 0 || logistic(r.score - top) >= FOLLOWER_CHANCE ? answerability(r, question) : 0,
  );
}

/** The ranked passages that can answer the question: about its subjects and its day. */
export function eligible(ranking: Ranking, state: SearchState): RankedPassage[] {
  return ranking.ranked.filter((r) =>
    aboutTheQuestion(ranking.plan, { ...r, strengths: r.match.strengths }, state),
  );
}

/** The ranked passages that answer, in rank order. */
export function answering(
  ranking: Ranking,
  state: SearchState,
  mode: AnswerMode = 'question',
): RankedPassage[] {
  const threshold = answerThreshold(mode);
  const candidates = eligible(ranking, state);
  const p = answerabilities(candidates, ranking.plan, state);
  return candidates.filter((_, i) => (p[i] ?? 0) >= threshold);
}
