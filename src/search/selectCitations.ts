import type { RankedPassage } from './rankPassages.js';
import { figuresOf } from './reportsDiffer.js';

/** Passages sharing this much of their vocabulary say the same thing: only the better one is cited. */
export const NEAR_DUPLICATE = 0.8;
/** Within this share of the best remaining score, a passage from another outlet goes first. */
export const CORROBORATION_MARGIN = 0.92;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function outletOf(candidate: RankedPassage): string {
  return candidate.document.meta.outlet ?? `document:${candidate.document.id}`;
}

/** Newest document first, undated ones last; the sort is stable, so relevance orders the rest. */
function byNewest(a: RankedPassage, b: RankedPassage): number {
  const x = a.document.meta.published;
  const y = b.document.meta.published;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return y.localeCompare(x);
}

/**
 * Answering passages in citation order: near-duplicates collapsed, other outlets preferred on close scores;
 * for a question about the present or the latest (`newestFirst`), the newest reports first.
 */
export function selectCitations(
  answering: RankedPassage[],
  limit: number,
  { newestFirst = false }: { newestFirst?: boolean } = {},
): RankedPassage[] {
  const pool = newestFirst ? [...answering].sort(byNewest) : [...answering];
  const chosen: RankedPassage[] = [];
  const chosenTerms: { terms: Set<string>; figures: string }[] = [];
  const outlets = new Set<string>();
  while (chosen.length < limit && pool.length > 0) {
    const bestScore = pool[0]?.score ?? 0;
    let pick = newestFirst
      ? 0
      : pool.findIndex((c) => c.score >= bestScore * CORROBORATION_MARGIN && !outlets.has(outletOf(c)));
    if (pick < 0) pick = 0;
    const [candidate] = pool.splice(pick, 1);
    if (!candidate) break;
    const terms = candidate.match.analysis.terms;
    const figures = [...figuresOf(candidate)].sort().join(' ');
    // Passages that say the same in the same words are one citation, unless their figures differ (a count
    // that rose over days, two outlets' estimates): then each is a report of its own.
    if (chosenTerms.some((seen) => jaccard(seen.terms, terms) >= NEAR_DUPLICATE && seen.figures === figures))
      continue;
    chosen.push(candidate);
    chosenTerms.push({ terms, figures });
    outlets.add(outletOf(candidate));
  }
  return chosen;
}

export function countOutlets(citations: RankedPassage[]): number {
  return new Set(citations.map(outletOf)).size;
}
