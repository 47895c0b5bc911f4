import type { RankedPassage } from './rankPassages.js';

/**
 * The abstention rule, calibrated on eval/questions.jsonl (see README "How answers are chosen"):
 * a passage answers when it covers at least MIN_COVERAGE of the question's idf-weighted terms,
 * and one sentence (or two adjacent ones) covers at least MIN_SENTENCE_COVERAGE. Below that the
 * question is about something the knowledge does not hold, and quoting would be quoting noise.
 */
export const MIN_COVERAGE = 0.55;
export const MIN_SENTENCE_COVERAGE = 0.4;

export function answers(candidate: RankedPassage): boolean {
  return candidate.match.coverage >= MIN_COVERAGE && candidate.match.best.coverage >= MIN_SENTENCE_COVERAGE;
}
