import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import { wantsCount } from './answerType.js';
import { idf, type TermStats } from './termStats.js';

export interface QueryTerm {
  term: string;
  key: string | null;
  /** idf-based weight in coverage. */
  weight: number;
  /** Whether the minisearch probe looks this term up (very common terms only count in the rerank). */
  probe: boolean;
  /** Whether the transliteration key is looked up too (name-like, not too common). */
  probeKey: boolean;
}

export interface QueryPlan {
  terms: QueryTerm[];
  /** The question asks for a quantity ("how many …"). */
  wantsCount: boolean;
}

/** Beyond this many passages a term is too common to be worth scoring every posting of. */
export function commonTermCap(passages: number): number {
  return Math.max(1500, Math.ceil(passages * 0.015));
}

/**
 * A word no passage contains (after name-variant matching) may be a paraphrase ("travel" for
 * "visit") or the sign of another topic ("Australia"). It weighs as much as the average word of
 * the question that the knowledge does hold: so one missing word among several does not sink an
 * answer, while a question whose half is missing still falls below the abstention bar.
 */
function capUnknownWeights(terms: QueryTerm[], stats: TermStats): void {
  const isKnown = (t: QueryTerm) =>
    (stats.text.get(t.term) ?? 0) > 0 || (t.key !== null && (stats.keys.get(t.key) ?? 0) > 0);
  const knownWeights = terms.filter(isKnown).map((t) => t.weight);
  if (knownWeights.length === 0) return;
  const cap = knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length;
  for (const t of terms) if (!isKnown(t)) t.weight = Math.min(t.weight, cap);
}

export function planQuery(query: string, stats: TermStats, aliases: AliasTable): QueryPlan {
  const seen = new Set<string>();
  const cap = commonTermCap(stats.passages);
  const terms: QueryTerm[] = [];
  for (const token of analyze(query, aliases)) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const df = stats.text.get(token.term) ?? 0;
    const keyDf = token.key ? (stats.keys.get(token.key) ?? 0) : 0;
    // An unseen spelling of a known name takes the weight of the name it matches.
    const effectiveDf = df > 0 ? df : keyDf;
    terms.push({
      term: token.term,
      key: token.key,
      weight: idf(effectiveDf, Math.max(stats.passages, 1)),
      probe: df > 0 && df <= cap,
      probeKey: token.key !== null && df <= cap && keyDf <= cap,
    });
  }
  capUnknownWeights(terms, stats);
  const probed = terms.some((t) => t.probe || t.probeKey);
  if (!probed) {
    // Every known term is very common: probe with the rarest one rather than nothing.
    const known = terms.filter((t) => (stats.text.get(t.term) ?? 0) > 0);
    const rarest = known.sort((a, b) => b.weight - a.weight)[0];
    if (rarest) rarest.probe = true;
  }
  return { terms, wantsCount: wantsCount(query) };
}
