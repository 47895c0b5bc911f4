import { analyze } from '../text/analyze.js';
import { wantsCount } from './answerType.js';
import { correctionsFor } from './corrections.js';
import type { SearchState } from './searchState.js';
import { idf } from './termStats.js';
import { typoAllowance } from './typoAllowance.js';

export interface QueryTerm {
  term: string;
  key: string | null;
  /** idf-based weight in coverage. */
  weight: number;
  /** Whether the minisearch probe looks this term up (very common terms only count in the rerank). */
  probe: boolean;
  /** Whether the transliteration key is looked up too (some passage spells the name differently). */
  probeKey: boolean;
  /** For a word no passage holds: the known words it is probably a typo of. */
  corrections: string[];
  /** For a name no passage spells this way: known keys within one edit (Tikhanovskaya → Tsikhanouskaya). */
  keyCorrections: string[];
}

export interface QueryPlan {
  terms: QueryTerm[];
  /** The question asks for a quantity ("how many …"). */
  wantsCount: boolean;
  /** No word is rare enough to probe: every known word is very common. */
  common: boolean;
}

/** Beyond this many passages a term is too common to be worth scoring every posting of. */
export function commonTermCap(passages: number): number {
  return Math.max(1000, Math.ceil(passages * 0.01));
}

const FUZZY_KEY_MIN = 5;

/**
 * A word no passage contains (after name-variant matching) may be a paraphrase ("travel" for
 * "visit") or the sign of another topic ("Australia"). It weighs as much as the average word of
 * the question that the knowledge does hold: so one missing word among several does not sink an
 * answer, while a question whose half is missing still falls below the abstention bar.
 */
function capUnknownWeights(terms: QueryTerm[], known: (t: QueryTerm) => boolean): void {
  const knownWeights = terms.filter(known).map((t) => t.weight);
  if (knownWeights.length === 0) return;
  const cap = knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length;
  for (const t of terms) if (!known(t)) t.weight = Math.min(t.weight, cap);
}

export function planQuery(query: string, state: SearchState): QueryPlan {
  const { stats, mini } = state;
  const seen = new Set<string>();
  const cap = commonTermCap(stats.passages);
  const passages = Math.max(stats.passages, 1);
  const terms: QueryTerm[] = [];
  for (const token of analyze(query, state.aliases)) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const df = stats.text.get(token.term) ?? 0;
    const keyDf = token.key ? (stats.keys.get(token.key) ?? 0) : 0;
    const unknown = df === 0 && keyDf === 0;
    const corrections = unknown
      ? correctionsFor(mini, token.term, typoAllowance(token.term), stats.text)
      : [];
    const keyCorrections =
      unknown && token.key !== null && token.key.length >= FUZZY_KEY_MIN
        ? correctionsFor(mini, token.key, 1, stats.keys)
        : [];
    // A typo takes the weight of the word it stands for; an unseen spelling of a name, the name's.
    const effectiveDf =
      df || keyDf || (corrections[0]?.documentFrequency ?? keyCorrections[0]?.documentFrequency ?? 0);
    terms.push({
      term: token.term,
      key: token.key,
      weight: idf(effectiveDf, passages),
      probe: df > 0 && df <= cap,
      probeKey: token.key !== null && keyDf > df && keyDf <= cap,
      corrections: corrections.filter((c) => c.documentFrequency <= cap).map((c) => c.term),
      keyCorrections: keyCorrections.filter((c) => c.documentFrequency <= cap).map((c) => c.term),
    });
  }
  // A word correction is a guess ("enter" may be meant, not "center"): it keeps an unknown word's weight.
  const known = (t: QueryTerm) =>
    (stats.text.get(t.term) ?? 0) > 0 ||
    (t.key !== null && (stats.keys.get(t.key) ?? 0) > 0) ||
    t.keyCorrections.length > 0;
  capUnknownWeights(terms, known);
  const probed = terms.some(
    (t) => t.probe || t.probeKey || t.corrections.length > 0 || t.keyCorrections.length > 0,
  );
  // Every known word is very common: candidates come from their intersection (conjunctiveProbe).
  const common = !probed && terms.some((t) => (stats.text.get(t.term) ?? 0) > 0);
  return { terms, wantsCount: wantsCount(query), common };
}
