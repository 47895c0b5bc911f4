import type { SearchState } from './searchState.js';

/** How much the served index holds and when it was built: the freshness footer and /help read it. */
export interface KnowledgeInfo {
  documents: number;
  passages: number;
  builtAt: string;
}

export function knowledgeInfo(state: SearchState): KnowledgeInfo {
  return { documents: state.documents.size, passages: state.passages.size, builtAt: state.builtAt };
}
