import type { RankedPassage } from './rankPassages.js';

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

/** Answering passages in citation order: near-duplicates collapsed, other outlets preferred on close scores. */
export function selectCitations(answering: RankedPassage[], limit: number): RankedPassage[] {
  const pool = [...answering];
  const chosen: RankedPassage[] = [];
  const chosenTerms: Set<string>[] = [];
  const outlets = new Set<string>();
  while (chosen.length < limit && pool.length > 0) {
    const bestScore = pool[0]?.score ?? 0;
    let pick = pool.findIndex(
      (c) => c.score >= bestScore * CORROBORATION_MARGIN && !outlets.has(outletOf(c)),
    );
    if (pick < 0) pick = 0;
    const [candidate] = pool.splice(pick, 1);
    if (!candidate) break;
    const terms = candidate.match.analysis.terms;
    if (chosenTerms.some((seen) => jaccard(seen, terms) >= NEAR_DUPLICATE)) continue;
    chosen.push(candidate);
    chosenTerms.push(terms);
    outlets.add(outletOf(candidate));
  }
  return chosen;
}

export function countOutlets(citations: RankedPassage[]): number {
  return new Set(citations.map(outletOf)).size;
}
