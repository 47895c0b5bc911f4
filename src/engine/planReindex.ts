import type { KnowledgeScan } from '../knowledge/loadKnowledge.js';
import type { IndexedDocument } from '../search/searchState.js';
import { diffKnowledge, isEmptyDiff, type KnowledgeDiff } from './diffKnowledge.js';

/** Above this share of changed documents a reindex rebuilds aside instead of patching in place. */
const INCREMENTAL_SHARE = 0.25;

/** The index a reindex starts from, and what was asked of it. */
export interface IndexBefore {
  documents: ReadonlyMap<string, IndexedDocument>;
  /** Rebuild every document, as asked (`--full`). */
  full: boolean;
  /** aliases.txt gives other groups than the index was built with: every passage is analysed anew. */
  aliasesChanged: boolean;
  /**
   * A patch that fails half-way can be undone (a saved copy of the served index exists). Without
   * one, a change is built aside instead.
   */
  canPatch: boolean;
}

export interface ReindexPlan {
  /** full: rebuild aside and swap; incremental: patch the changed documents in; unchanged: nothing to apply. */
  mode: 'full' | 'incremental' | 'unchanged';
  diff: KnowledgeDiff;
  /**
   * The scan left out files that match the index, but this plan rebuilds aside, which needs every
   * document read: scan again without them, and plan again.
   */
  rescan: boolean;
  /** The folder holds none of the indexed documents (an automatic reindex refuses that). */
  removesEvery: boolean;
}

/** Whether the scan may skip files whose size and timestamps match the index (not read again). */
export function scanMaySkipKnown(before: IndexBefore): boolean {
  return !(before.full || before.aliasesChanged || before.documents.size === 0);
}

/** What a reindex does with what the scan of the knowledge folder found. Pure. */
export function planReindex(
  before: IndexBefore,
  scan: Pick<KnowledgeScan, 'documents' | 'unchanged'>,
): ReindexPlan {
  const diff = diffKnowledge(before.documents, scan);
  const touched = diff.added.length + diff.changed.length + diff.removed.length;
  const rebuild =
    !scanMaySkipKnown(before) || !before.canPatch || touched > before.documents.size * INCREMENTAL_SHARE;
  const removesEvery = before.documents.size > 0 && diff.removed.length === before.documents.size;
  let mode: ReindexPlan['mode'] = 'unchanged';
  if (rebuild && (before.full || before.aliasesChanged || !isEmptyDiff(diff))) mode = 'full';
  else if (!isEmptyDiff(diff)) mode = 'incremental';
  return { mode, diff, rescan: mode === 'full' && scan.unchanged.length > 0, removesEvery };
}
