import type { Span } from '../types.js';
import { holdsAnswerType, isCountTerm } from './answerType.js';
import type { PassageAnalysis } from './passageAnalysis.js';
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
  /** How strongly each query term is matched anywhere in the passage (0 when not). */
  strengths: number[];
  /** The same share within each sentence. */
  sentenceCoverage: number[];
  /** Best coverage of one sentence or two adjacent ones, where, and each term's strength there. */
  best: { coverage: number; from: number; to: number; strengths: number[] };
  /**
   * The best sentences hold something of the kind the question asks for: for a count, a quantity of a
   * thing asked about; for a date or a name, one that is not the question's own.
   */
  holdsAnswer: boolean;
  /** The passage's analysed words, their vector rows, its possible answers, its terms. */
  analysis: PassageAnalysis;
}

/** Among sentences, one holding the kind of answer asked for is preferred by this much coverage. */
const TYPE_PREFERENCE = 0.1;

interface TermMatch {
  termIndex: number;
  strength: number;
}

/**
 * Which query term a passage word matches, and how strongly, by the word's term and by its name key: the
 * strongest match, the earlier query term on a tie. Built once per query, looked up once per passage word.
 */
interface MatchTable {
  byTerm: Map<string, TermMatch>;
  byKey: Map<string, TermMatch>;
}

function offer(table: Map<string, TermMatch>, word: string, termIndex: number, strength: number): void {
  const known = table.get(word);
  if (!known || strength > known.strength) table.set(word, { termIndex, strength });
}

const tables = new WeakMap<QueryPlan, MatchTable>();

function matchTable(plan: QueryPlan): MatchTable {
  let table = tables.get(plan);
  if (table) return table;
  table = { byTerm: new Map(), byKey: new Map() };
  plan.terms.forEach((term, i) => {
    offer(table.byTerm, term.term, i, EXACT_MATCH);
    if (term.key !== null) offer(table.byKey, term.key, i, VARIANT_MATCH);
    for (const c of term.corrections) offer(table.byTerm, c, i, TYPO_MATCH);
    for (const k of term.keyCorrections) offer(table.byKey, k, i, TYPO_MATCH);
    for (const r of term.related) offer(table.byTerm, r.term, i, r.strength);
  });
  tables.set(plan, table);
  return table;
}

function bestMatch(table: MatchTable, token: { term: string; key: string | null }): TermMatch | undefined {
  const byTerm = table.byTerm.get(token.term);
  const byKey = token.key === null ? undefined : table.byKey.get(token.key);
  if (!byKey) return byTerm;
  if (!byTerm) return byKey;
  if (byKey.strength !== byTerm.strength) return byKey.strength > byTerm.strength ? byKey : byTerm;
  return byKey.termIndex < byTerm.termIndex ? byKey : byTerm;
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
  { text, sentences }: { text: string; sentences: Span[] },
  analysis: PassageAnalysis,
): PassageMatch {
  const { terms } = plan;
  const hits: TermHit[] = [];
  const counts: Span[] = [];
  let previousWasCount: Span | null = null;
  const table = matchTable(plan);
  for (const token of analysis.tokens) {
    const found = bestMatch(table, token);
    if (found) {
      hits.push({ start: token.start, end: token.end, termIndex: found.termIndex, strength: found.strength });
      if (previousWasCount) counts.push(previousWasCount);
    }
    previousWasCount = plan.asked === 'number' && isCountTerm(token.term, token.raw) ? token : null;
  }
  // A count must stand right before a word asked about ("32 senior officials"); a date or a name anywhere
  // in the sentences, other than the question's own.
  const holdsType = new Map<number, boolean>();
  const sentenceHolds = (i: number): boolean => {
    let known = holdsType.get(i);
    if (known === undefined) {
      const sentence = sentences[i]!;
      known =
        plan.asked === 'number'
          ? counts.some((c) => c.start >= sentence.start && c.end <= sentence.end)
          : plan.asked !== null &&
            holdsAnswerType(analysis.answerWords, sentence.start, sentence.end, plan.asked, (w) =>
              plan.questionWords.has(w),
            );
      holdsType.set(i, known);
    }
    return known;
  };
  const typeBonus = (from: number, to: number) =>
    plan.asked !== null && (sentenceHolds(from) || (to !== from && sentenceHolds(to))) ? TYPE_PREFERENCE : 0;

  const strengthsWithin = (from: number, to: number): number[] => {
    const strengths = new Array<number>(terms.length).fill(0);
    for (const hit of hits) {
      if (hit.start >= from && hit.end <= to)
        strengths[hit.termIndex] = Math.max(strengths[hit.termIndex] ?? 0, hit.strength);
    }
    return strengths;
  };

  const sentenceCoverage = sentences.map((s) => coverageOf(terms, strengthsWithin(s.start, s.end)));
  let best = { coverage: 0, from: 0, to: 0, strengths: new Array<number>(terms.length).fill(0) };
  let bestRank = 0;
  sentences.forEach((s, i) => {
    const single = sentenceCoverage[i] ?? 0;
    const singleRank = single + typeBonus(i, i);
    if (singleRank > bestRank) {
      best = { coverage: single, from: i, to: i, strengths: [] };
      bestRank = singleRank;
    }
    const next = sentences[i + 1];
    if (next) {
      // A pair must add coverage, or the single sentence reads better.
      const pair = coverageOf(terms, strengthsWithin(s.start, next.end));
      const pairRank = pair + typeBonus(i, i + 1);
      if (pairRank > bestRank + 1e-9 && pair > Math.max(single, sentenceCoverage[i + 1] ?? 0)) {
        best = { coverage: pair, from: i, to: i + 1, strengths: [] };
        bestRank = pairRank;
      }
    }
  });
  const first = sentences[best.from];
  const last = sentences[best.to];
  const holdsAnswer = first !== undefined && last !== undefined && typeBonus(best.from, best.to) > 0;
  if (first && last) best.strengths = strengthsWithin(first.start, last.end);
  const strengths = strengthsWithin(0, text.length);

  return {
    hits,
    coverage: coverageOf(terms, strengths),
    strengths,
    sentenceCoverage,
    best,
    holdsAnswer,
    analysis,
  };
}
