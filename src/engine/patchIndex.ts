import {
  addPrepared,
  applyRemoval,
  type PreparedDocument,
  type PreparedRemoval,
  passagesKept,
  prepareDocument,
  prepareRemoval,
  type SearchState,
} from '../search/searchState.js';
import { sliced, TimeSlicer } from '../util/yieldToEventLoop.js';
import { type Fingerprints, segment } from './buildState.js';
import type { KnowledgeDiff } from './diffKnowledge.js';

/**
 * Passages (in and out) a patch applies in one synchronous step: about 60 ms of index updates on a
 * freshly loaded 100k index (the first change to a saved posting list copies it out of the file's buffer).
 */
const PATCH_AT_ONCE = 300;

/**
 * Patches the served index in place, moving only the passages that changed (passagesKept: an edit
 * to one paragraph of a long article re-indexes that paragraph). Analyses in time slices first, then
 * applies the change in one synchronous step, so no query sees half of it. A change too large for
 * one step (it would block the event loop) is applied a document at a time: a query may then see
 * some documents updated and others not yet, never half a document. `applied` is called as each
 * document goes in or out.
 */
export async function patchIndex(
  state: SearchState,
  diff: KnowledgeDiff,
  fingerprints: Fingerprints,
  applied: (documentId: string) => void = () => {},
): Promise<void> {
  const slicer = new TimeSlicer();
  const now = new Date().toISOString();
  const arriving = [...diff.changed, ...diff.added].map((doc) => {
    const addedAt = state.documents.get(doc.id)?.addedAt ?? now;
    const { document, passages } = segment(doc, fingerprints.get(doc.file), addedAt);
    return { document, passages, kept: passagesKept(state, doc.id, doc.meta, document.passageIds) };
  });
  const removals: PreparedRemoval[] = [];
  for (const id of diff.removed) {
    const removal = await sliced(prepareRemoval(state, id), slicer);
    if (removal) removals.push(removal);
  }
  for (const { document, kept } of arriving.slice(0, diff.changed.length)) {
    const removal = await sliced(prepareRemoval(state, document.id, kept), slicer);
    if (removal) removals.push(removal);
  }
  const incoming: PreparedDocument[] = [];
  for (const { document, passages, kept } of arriving)
    incoming.push(await sliced(prepareDocument(document, passages, state.aliases, kept), slicer));
  const added = incoming.flatMap((p) => p.passages.flatMap(({ fields }) => (fields ? [fields] : [])));
  await sliced(state.mini.reserveRoom(added), slicer);
  const work = removals.reduce((n, r) => n + r.passages.length, 0) + added.length;
  const atOnce = work <= PATCH_AT_ONCE;
  const byId = new Map(incoming.map((p) => [p.document.id, p]));
  for (const removal of removals) {
    applyRemoval(state, removal);
    applied(removal.documentId);
    const replacement = byId.get(removal.documentId);
    if (replacement) {
      addPrepared(state, replacement);
      byId.delete(removal.documentId);
    }
    if (!atOnce) await slicer.maybeYield();
  }
  for (const prepared of byId.values()) {
    addPrepared(state, prepared);
    applied(prepared.document.id);
    if (!atOnce) await slicer.maybeYield();
  }
  state.builtAt = new Date().toISOString();
}
