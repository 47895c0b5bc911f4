import { setImmediate as immediate } from 'node:timers/promises';
import { answerQuery } from '../search/answerQuery.js';
import type { SearchState } from '../search/searchState.js';

/** Enough runs for V8 to compile the query path; a budget so that a slow machine starts anyway. */
const QUERIES = 40;
const BUDGET_MS = 400;
const WORDS = 8;

/**
 * The first few words of passages spread over the index: questions of the index's own vocabulary,
 * so the warm-up walks the same code (and posting lists of the same sizes) as members' questions do.
 */
export function sampleQueries(state: SearchState): string[] {
  const total = state.passages.size;
  const count = Math.min(QUERIES, total);
  // Passage k × total / count for each k: evenly apart, the last one near the end.
  const out: string[] = [];
  let i = 0;
  for (const passage of state.passages.values()) {
    if (i++ !== Math.floor((out.length * total) / count)) continue;
    out.push(passage.text.split(/\s+/, WORDS).join(' '));
    if (out.length === count) break;
  }
  return out;
}

/**
 * Answers a few questions and throws the answers away, one a turn of the event loop: the first
 * member's question after a start then runs optimised code instead of paying for the compiling.
 */
export async function warmUpQueries(state: SearchState): Promise<void> {
  const started = performance.now();
  for (const query of sampleQueries(state)) {
    if (performance.now() - started > BUDGET_MS) return;
    answerQuery(state, query, { limit: 3 });
    await immediate();
  }
}
