/**
 * Runs labelled questions through the engine's own ranking and keeps what the models are fitted on: each
 * question's plan features and each candidate's features, with whether the candidate holds the answer.
 * Nothing here depends on the fitted weights, so collection runs once per calibration.
 */

import { eligible, type PlanFeatures, planFeatures } from '../../search/abstain.js';
import type { CandidateFeatures } from '../../search/features.js';
import { rankPassages } from '../../search/rankPassages.js';
import type { SearchState } from '../../search/searchState.js';
import { normalizeForMatch } from '../scoreAnswers.js';

export interface LabelledQuestion {
  q: string;
  /** Phrases of the answer; empty when the knowledge does not answer the question. */
  expect: string[];
  /** Questions about one article (or one news question) share a group: folds never split a group. */
  group: string;
}

export interface CollectedCandidate {
  features: CandidateFeatures;
  documentId: string;
  documentPassages: number;
  holdsAnswer: boolean;
}

export interface CollectedQuestion {
  set: string;
  group: string;
  answerable: boolean;
  plan: PlanFeatures;
  totalPassages: number;
  candidates: CollectedCandidate[];
}

export function collect(state: SearchState, set: string, questions: LabelledQuestion[]): CollectedQuestion[] {
  return questions.map(({ q, expect, group }) => {
    const phrases = expect.map(normalizeForMatch);
    const ranking = rankPassages(state, q);
    const { plan } = ranking;
    // Only the passages that can answer at all (the right subject, the right day), as answering sees them.
    const candidates = eligible(ranking, state).map((r) => {
      const text = normalizeForMatch(r.passage.text);
      return {
        features: r.features,
        documentId: r.document.id,
        documentPassages: r.document.passageIds.length,
        holdsAnswer: phrases.some((p) => text.includes(p)),
      };
    });
    return {
      set,
      group,
      answerable: expect.length > 0,
      plan: planFeatures(plan),
      totalPassages: state.passages.size,
      candidates,
    };
  });
}
