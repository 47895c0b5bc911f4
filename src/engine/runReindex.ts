import { loadAliasGroups } from '../knowledge/loadAliases.js';
import { scanKnowledge } from '../knowledge/loadKnowledge.js';
import type { Log } from '../log/log.js';
import { aliasTableFor } from '../text/aliasTable.js';
import { buildState, type Fingerprints, StateBuilder } from './buildState.js';
import type { KnowledgeDiff } from './diffKnowledge.js';
import { summarizeDocument } from './documentSummary.js';
import { EveryDocumentGoneError, RebuildTooLargeError, ReindexPausedError } from './errors.js';
import { knownFiles, refreshFingerprints } from './fingerprints.js';
import type { GenerationSync } from './generationSync.js';
import type { Fence } from './indexLock.js';
import { patchIndex } from './patchIndex.js';
import { type IndexBefore, planReindex, scanMaySkipKnown } from './planReindex.js';
import { type HeapRoom, heapRoom, rebuildFits, rebuildRefusal } from './rebuildRoom.js';
import type { ReindexReport } from './reindexReport.js';
import type { ServedIndex } from './servedIndex.js';

export interface ReindexOptions {
  /** Rebuild every document instead of patching in the changed ones. */
  full?: boolean;
  /**
   * Not asked for by a moderator (start-up sync, watch mode, the folder coming back): refused while a
   * rolled-back index serves, and when it would remove every indexed document (EveryDocumentGoneError).
   */
  automatic?: boolean;
}

export interface ReindexContext {
  knowledgeDir: string;
  served: ServedIndex;
  sync: GenerationSync;
  logger: Log;
  /** Test hook: called as a patch applies each document; a throw stands for a bug met half-way. */
  onPatchApply?: ((documentId: string) => void) | undefined;
  /** The heap's use and limit now (a test passes its own). */
  heap?: (() => HeapRoom) | undefined;
}

/** Under the index lock: brings the served index up to date with the knowledge folder, and saves it. */
export async function runReindex(
  context: ReindexContext,
  options: ReindexOptions,
  fence: Fence,
): Promise<ReindexReport> {
  const { knowledgeDir: dir, served, sync } = context;
  const started = performance.now();
  await sync.catchUp();
  if (options.automatic && sync.rolledBack) throw new ReindexPausedError(sync.rolledBack);
  const wasRolledBack = sync.rolledBack !== null;
  const before = served.state;
  const passagesBefore = before.passages.size;
  const { groups: aliasGroups, problems: aliasProblems } = await loadAliasGroups(dir);
  const aliases = aliasTableFor(aliasGroups);
  const start: IndexBefore = {
    documents: before.documents,
    full: options.full ?? false,
    aliasesChanged: aliases.signature !== before.aliases.signature,
    canPatch: sync.canPatch,
  };
  const analyse = { aliasGroups, signature: aliases.signature };
  // A scan that reads every file feeds a fresh build as it goes, so building keeps pace with the
  // workers reading, and each document's analysed terms are let go at once.
  const readEvery = async () => {
    const heap = (context.heap ?? heapRoom)();
    if (passagesBefore > 0 && !rebuildFits(heap))
      throw new RebuildTooLargeError(rebuildRefusal(heap, passagesBefore));
    const builder = new StateBuilder(aliases, aliasGroups, before.documents);
    const scan = await scanKnowledge(dir, { analyse, onDocument: (doc, fp) => builder.add(doc, fp) });
    return { scan, builder };
  };
  // Otherwise files whose size and timestamps match the index are not read again.
  let { scan, builder } = scanMaySkipKnown(start)
    ? { scan: await scanKnowledge(dir, { known: knownFiles(before), analyse }), builder: null }
    : await readEvery();
  let plan = planReindex(start, scan);
  if (plan.rescan) {
    ({ scan, builder } = await readEvery());
    plan = planReindex(start, scan);
  }
  const { mode, diff } = plan;
  // An empty folder (a missing bind mount) must not wipe the index unasked: only a moderator may.
  if (plan.removesEvery && options.automatic) throw new EveryDocumentGoneError(before.documents.size, dir);
  const skipped = [...scan.skipped, ...aliasProblems];
  const skippedChanged = JSON.stringify(skipped) !== JSON.stringify(served.skipped);

  if (mode === 'incremental') await patchUndoably(context, diff, scan.fingerprints);
  let state = served.state;
  if (mode === 'full')
    state = builder
      ? await builder.finish()
      : await buildState(scan.documents, aliases, aliasGroups, scan.fingerprints, before.documents);
  const fingerprintsChanged = refreshFingerprints(state, diff.unchanged, scan.fingerprints);
  served.serve(state, skipped);
  if (mode !== 'unchanged') sync.markUnsaved();

  const report: ReindexReport = {
    mode,
    added: diff.added.map((d) => d.id),
    changed: diff.changed.map((d) => d.id),
    removed: diff.removed,
    arrived: [...diff.added, ...diff.changed].flatMap((d) => summarizeDocument(state, d.id) ?? []),
    skipped,
    documents: state.documents.size,
    passagesBefore,
    passagesAfter: state.passages.size,
    ms: 0,
    applyMs: Math.round(performance.now() - started),
    saveMs: 0,
    saved: true,
  };
  if (plan.removesEvery) report.removedEvery = true;
  // Saving also ends a rollback's pause: this reindex was asked for.
  if (mode !== 'unchanged' || skippedChanged || fingerprintsChanged || wasRolledBack)
    await sync.save(report, fence);
  if (wasRolledBack && sync.rolledBack === null) report.endedRollback = true;
  sync.announce(report);
  report.ms = Math.round(performance.now() - started);
  return report;
}

/** A patch in place; if it fails half-way, the saved generation the index matched serves again. */
async function patchUndoably(
  { served, sync, logger, onPatchApply }: ReindexContext,
  diff: KnowledgeDiff,
  fingerprints: Fingerprints,
): Promise<void> {
  const restorePoint = sync.savedGeneration;
  try {
    await patchIndex(served.state, diff, fingerprints, onPatchApply);
  } catch (error) {
    if (restorePoint === null) throw error;
    const message = (error as Error).message;
    try {
      await sync.restore(restorePoint);
    } catch (restoreError) {
      logger.error(
        { err: restoreError, cause: message },
        'a patch failed half-way and the saved index could not be loaded back; serving the half-applied index',
      );
      throw error;
    }
    throw new Error(`applying the change failed (${message}); the index as it was serves again`, {
      cause: error,
    });
  }
}
