import type { RankedPassage } from './rankPassages.js';

/**
 * The abstention rule, calibrated on eval/questions.jsonl (see README "How answers are chosen"):
 * a passage answers when it covers at least `coverage` of the question's idf-weighted terms, and
 * one sentence (or two adjacent ones) covers at least `sentence`. Below that the question is about
 * something the knowledge does not hold, and quoting would be quoting noise.
 *
 * A claim (a member's message checked with Find sources) carries conversational words ("I keep
 * reading that …, is that right?") that no document holds, so its bar is lower.
 */
export const ANSWER_BARS = {
  question: { coverage: 0.55, sentence: 0.4 },
  claim: { coverage: 0.45, sentence: 0.35 },
} as const;

export type AnswerMode = keyof typeof ANSWER_BARS;

export const MIN_SENTENCE_COVERAGE = ANSWER_BARS.question.sentence;

export function answers(candidate: RankedPassage, mode: AnswerMode = 'question'): boolean {
  const bar = ANSWER_BARS[mode];
  return candidate.match.coverage >= bar.coverage && candidate.match.best.coverage >= bar.sentence;
}
