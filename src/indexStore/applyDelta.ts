import { countedFields, type DocumentFields, documentFields } from '../search/indexEntry.js';
import { addPassage, applyRemoval, prepareRemoval, type SearchState } from '../search/searchState.js';
import type { Passage } from '../types.js';
import { sliced, TimeSlicer } from '../util/yieldToEventLoop.js';
import type { Manifest } from './manifest.js';
import { type DecodedPassage, decodePassages } from './passageCodec.js';

export class DeltaFormatError extends Error {}

/**
 * Turns a loaded base generation into the delta's index: the base's documents that are gone or
 * changed come out (all but the passages a patch left in place), the delta's passages go in under
 * the short ids they had, and minisearch's running figures are set to the saved ones, so the result
 * scores exactly like the index that was saved (not merely like an equivalent one).
 */
export async function applyDelta(
  state: SearchState,
  baseManifest: Manifest,
  manifest: Manifest,
  deltaLines: AsyncIterable<string>,
  beside?: ReadonlyMap<string, Passage>,
): Promise<void> {
  const header = manifest.delta;
  if (!header) throw new DeltaFormatError('not a delta generation');
  if (JSON.stringify(baseManifest.aliasGroups) !== JSON.stringify(manifest.aliasGroups))
    throw new DeltaFormatError('a delta cannot change the alias groups');
  const slicer = new TimeSlicer();
  const current = new Map(manifest.documents.map((d) => [d.id, d]));
  const added: DecodedPassage[] = [];
  await decodePassages(deltaLines, (decoded) => added.push(decoded), beside);
  // A passage the patch left in place is saved under the short id it has in the base: it stays.
  const kept = new Set(
    added.flatMap(({ passage, shortId }) =>
      shortId !== undefined && state.mini.shortIdOf(passage.id) === shortId ? [passage.id] : [],
    ),
  );
  for (const before of baseManifest.documents) {
    const now = current.get(before.id);
    if (now && now.hash === before.hash && now.file === before.file) continue;
    const removal = await sliced(prepareRemoval(state, before.id, kept), slicer);
    if (removal) applyRemoval(state, removal);
    await slicer.maybeYield();
  }

  added.sort((a, b) => (a.shortId ?? 0) - (b.shortId ?? 0));
  const shared = new Map<string, DocumentFields>();
  for (const { passage, shortId } of added) {
    const doc = current.get(passage.documentId);
    if (!doc || shortId === undefined)
      throw new DeltaFormatError(`delta passage ${passage.id} has no document or short id`);
    if (kept.has(passage.id)) {
      state.passages.set(passage.id, passage);
      continue;
    }
    let fields = shared.get(doc.id);
    if (!fields) {
      fields = documentFields(doc.meta, state.aliases);
      shared.set(doc.id, fields);
    }
    addPassage(state, passage, countedFields(passage.text, fields, state.aliases), shortId);
    await slicer.maybeYield();
  }

  state.documents = current;
  state.builtAt = manifest.builtAt;
  state.mini.restoreRunningFigures(header);
  if (state.passages.size !== manifest.passageCount || state.mini.documentCount !== manifest.passageCount)
    throw new DeltaFormatError(
      `counts disagree: manifest ${manifest.passageCount}, passages ${state.passages.size}, index ${state.mini.documentCount}`,
    );
}
