import { emptySearchState, type SearchState } from '../search/searchState.js';
import type { SkippedDocument } from '../types.js';
import type { ServedIndexView } from './knowledgeReader.js';

/**
 * The index queries are answered from, and the files it skipped. A rebuild, a rollback or a switch
 * to another process's save replaces it whole through `serve`, the one way to start serving an
 * index; a small reindex patches `state` in place.
 */
export class ServedIndex implements ServedIndexView {
  #state: SearchState = emptySearchState();
  #skipped: SkippedDocument[] = [];

  get state(): SearchState {
    return this.#state;
  }

  get skipped(): SkippedDocument[] {
    return this.#skipped;
  }

  serve(state: SearchState, skipped: SkippedDocument[]): void {
    this.#state = state;
    this.#skipped = skipped;
  }
}
