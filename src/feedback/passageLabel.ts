import { passageInContext } from '../search/passageInContext.js';
import type { SearchState } from '../search/searchState.js';
import type { PassageLabel } from './summarize.js';

const FIRST_WORDS = 12;

/** The document and opening words of a passage, or null when the index no longer has it. */
export function passageLabel(state: SearchState, passageId: string): PassageLabel | null {
  const context = passageInContext(state, passageId);
  if (!context) return null;
  const words = context.passage.text.split(/\s+/).filter(Boolean);
  const head = words.slice(0, FIRST_WORDS).join(' ');
  return {
    documentId: context.documentId,
    title: context.source.title,
    outlet: context.source.outlet,
    firstWords: words.length > FIRST_WORDS ? `${head} …` : head,
  };
}
