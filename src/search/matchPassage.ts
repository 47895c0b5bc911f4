import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import type { Span } from '../types.js';
import { isCountTerm } from './answerType.js';
import type { QueryPlan, QueryTerm } from './queryPlan.js';

/** How strongly a passage word answers a query term: its own form, or a spelling variant of a name. */
export const EXACT_MATCH = 1;
export const VARIANT_MATCH = 0.85;
export const TYPO_MATCH = 0.8;

export interface TermHit extends Span {
  termIndex: number;
  strength: number;
}

export interface PassageMatch {
  hits: TermHit[];
  /** Weighted share of the query's distinct terms found in the passage (0..1). */
  coverage: number;
  /** The same share within each sentence. */
  sentenceCoverage: number[];
  /** Best coverage of one sentence or two adjacent ones, and where. */
  best: { coverage: number; from: number; to: number };
  /** For a count question: the best sentences state a quantity of something asked about. */
  statesCount: boolean;
  /** Every term of the passage, for comparing passages with each other. */
  terms: Set<string>;
}

/** Within a sentence, a quantity of a thing asked about lifts its rank by this much. */
const COUNT_PREFERENCE = 0.1;

function strengthFor(term: QueryTerm, token: { term: string; key: string | null }): number {
  if (token.term === term.term) return EXACT_MATCH;
  if (term.key !== null && token.key === term.key) return VARIANT_MATCH;
  if (term.corrections.includes(token.term)) return TYPO_MATCH;
  if (token.key !== null && term.keyCorrections.includes(token.key)) return TYPO_MATCH;
  return 0;
}

function coverageOf(terms: QueryTerm[], strengths: number[]): number {
  let total = 0;
  let found = 0;
  terms.forEach((term, i) => {
    total += term.weight;
    found += term.weight * (strengths[i] ?? 0);
  });
  return total > 0 ? found / total : 0;
}

export function matchPassage(
  plan: QueryPlan,
  text: string,
  sentences: Span[],
  aliases: AliasTable,
): PassageMatch {
  const { terms } = plan;
  const hits: TermHit[] = [];
  const counts: Span[] = [];
  let previousWasCount: Span | null = null;
  const passageTerms = new Set<string>();
  for (const token of analyze(text, aliases)) {
    passageTerms.add(token.term);
    let bestIndex = -1;
    let bestStrength = 0;
    terms.forEach((term, i) => {
      const s = strengthFor(term, token);
      if (s > bestStrength) {
        bestStrength = s;
        bestIndex = i;
      }
    });
    if (bestIndex >= 0) {
      hits.push({ start: token.start, end: token.end, termIndex: bestIndex, strength: bestStrength });
      if (previousWasCount) counts.push(previousWasCount);
    }
    previousWasCount = plan.wantsCount && isCountTerm(token.term, token.raw) ? token : null;
  }
  const countBonus = (from: number, to: number) =>
    counts.some((c) => c.start >= from && c.end <= to) ? COUNT_PREFERENCE : 0;

  const strengthsWithin = (from: number, to: number): number[] => {
    const strengths = new Array<number>(terms.length).fill(0);
    for (const hit of hits) {
      if (hit.start >= from && hit.end <= to)
        strengths[hit.termIndex] = Math.max(strengths[hit.termIndex] ?? 0, hit.strength);
    }
    return strengths;
  };

  const sentenceCoverage = sentences.map((s) => coverageOf(terms, strengthsWithin(s.start, s.end)));
  let best = { coverage: 0, from: 0, to: 0 };
  let bestRank = 0;
  sentences.forEach((s, i) => {
    const single = sentenceCoverage[i] ?? 0;
    const singleRank = single + countBonus(s.start, s.end);
    if (singleRank > bestRank) {
      best = { coverage: single, from: i, to: i };
      bestRank = singleRank;
    }
    const next = sentences[i + 1];
    if (next) {
      // A pair must add coverage, or the single sentence reads better.
      const pair = coverageOf(terms, strengthsWithin(s.start, next.end));
      const pairRank = pair + countBonus(s.start, next.end);
      if (pairRank > bestRank + 1e-9 && pair > Math.max(single, sentenceCoverage[i + 1] ?? 0)) {
        best = { coverage: pair, from: i, to: i + 1 };
        bestRank = pairRank;
      }
    }
  });
  const first = sentences[best.from];
  const last = sentences[best.to];
  const statesCount = first !== undefined && last !== undefined && countBonus(first.start, last.end) > 0;

  return {
    hits,
    coverage: coverageOf(terms, strengthsWithin(0, text.length)),
    sentenceCoverage,
    best,
    statesCount,
    terms: passageTerms,
  };
}
