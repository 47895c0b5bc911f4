import type { SearchState } from '../search/searchState.js';
import { cappedLines } from './reindexReport.js';

export interface IndexSummary {
  generation: string;
  builtAt: string;
  documents: number;
  passages: number;
}

/** What a rollback changed: the index served before and after, and the documents that differ. */
export interface RollbackReport {
  from: IndexSummary;
  to: IndexSummary;
  /** Documents the restored index has and the abandoned one did not. */
  added: string[];
  /** Documents the abandoned index had and the restored one does not. */
  removed: string[];
  /** Documents in both, with other content. */
  changed: string[];
  ms: number;
}

export function summarize(generation: string, state: SearchState): IndexSummary {
  return {
    generation,
    builtAt: state.builtAt,
    documents: state.documents.size,
    passages: state.passages.size,
  };
}

export function documentChanges(
  from: SearchState,
  to: SearchState,
): Pick<RollbackReport, 'added' | 'removed' | 'changed'> {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, doc] of to.documents) {
    const before = from.documents.get(id);
    if (!before) added.push(id);
    else if (before.hash !== doc.hash) changed.push(id);
  }
  const removed = [...from.documents.keys()].filter((id) => !to.documents.has(id));
  return { added, removed, changed };
}

export function describeRollback(r: RollbackReport): string {
  const lines = [
    `rolled back in ${r.ms} ms to the index built ${r.to.builtAt}: ${r.to.documents} documents, ${r.to.passages} passages`,
    `(was: built ${r.from.builtAt}, ${r.from.documents} documents, ${r.from.passages} passages)`,
    `documents brought back ${r.added.length}, dropped ${r.removed.length}, changed ${r.changed.length}`,
  ];
  lines.push(...cappedLines('+', r.added), ...cappedLines('~', r.changed), ...cappedLines('-', r.removed));
  lines.push(
    'automatic reindexing is paused; `npm run reindex` (or /reindex update) applies the knowledge folder again,',
    'and a second rollback undoes this one',
  );
  return lines.join('\n');
}
