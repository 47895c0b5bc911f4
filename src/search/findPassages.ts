import type { Passage } from '../types.js';
import { answering } from './abstain.js';
import { rankPassages } from './rankPassages.js';
import type { SearchState } from './searchState.js';

/**
 * Passages for the /passage autocomplete: ids starting with what was typed, else the passages that
 * best match it as words. Never a scan of every passage's text (autocomplete runs per keystroke).
 */
export function findPassagesByIdOrText(state: SearchState, typed: string, limit: number): Passage[] {
  const needle = typed.trim().toLowerCase();
  if (needle.length === 0) return [];
  const out: Passage[] = [];
  if (/^[0-9a-f-]+$/.test(needle)) {
    for (const [id, passage] of state.passages) {
      if (id.startsWith(needle)) out.push(passage);
      if (out.length >= limit) return out;
    }
    // Typed like an id and some ids start so: those are what was meant.
    if (out.length > 0) return out;
  }
  for (const candidate of answering(rankPassages(state, typed, limit), state)) {
    const { passage } = candidate;
    if (out.length >= limit) break;
    if (!out.includes(passage)) out.push(passage);
  }
  return out;
}
