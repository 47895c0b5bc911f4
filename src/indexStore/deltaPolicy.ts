import { type FileFingerprint, sameFingerprint } from '../knowledge/fingerprint.js';
import type { IndexedDocument, SearchState } from '../search/searchState.js';
import type { Manifest } from './manifest.js';

/**
 * A generation is full (every passage and the whole index) or a delta: only the documents added or
 * changed since a full base generation, replayed on top of it when loading. A small reindex thus
 * writes kilobytes instead of the whole index. Once a delta grows past DELTA_SHARE a full save is
 * due, made right after the reindex (its caller does not wait for it); past DELTA_HEADROOM times
 * that, a delta would cost about what a full save does, and the reindex saves in full itself.
 */
const DELTA_SHARE = 0.01;
const MIN_DELTA_PASSAGES = 500;
const DELTA_HEADROOM = 10;

/** A full generation, as a delta on top of it needs to know it. */
export interface DeltaBase {
  generation: string;
  /** Its documents: content hash, file, passage count and file fingerprint by id. */
  documents: ReadonlyMap<string, BaseDocument>;
  /** JSON of its alias groups: a delta cannot change them. */
  aliasGroups: string;
}

interface BaseDocument {
  hash: string;
  file: string;
  passages: number;
  fingerprint?: FileFingerprint;
}

/** What a delta on a base carries: the passages of documents whose content changed, the records of those whose record did. */
export interface DeltaPlan {
  passages: IndexedDocument[];
  records: IndexedDocument[];
  /** The delta is past its limit: a full save should follow (it becomes the base of later deltas). */
  fullSaveDue: boolean;
}

export function baseOf(generation: string, manifest: Pick<Manifest, 'documents' | 'aliasGroups'>): DeltaBase {
  return {
    generation,
    documents: new Map(
      manifest.documents.map((d): [string, BaseDocument] => {
        const doc: BaseDocument = { hash: d.hash, file: d.file, passages: d.passageIds.length };
        if (d.fingerprint) doc.fingerprint = d.fingerprint;
        return [d.id, doc];
      }),
    ),
    aliasGroups: JSON.stringify(manifest.aliasGroups),
  };
}

/** Passages a delta may touch (added, changed or removed since its base) before a full save is due. */
function deltaLimit(passages: number): number {
  return Math.max(MIN_DELTA_PASSAGES, passages * DELTA_SHARE);
}

const sameContent = (a: { hash: string; file: string }, b: { hash: string; file: string }) =>
  a.hash === b.hash && a.file === b.file;

/** Both without a fingerprint, or both with the same one. */
const sameRecordedFingerprint = (a: FileFingerprint | undefined, b: FileFingerprint | undefined) =>
  a === undefined || b === undefined ? a === b : sameFingerprint(a, b);

/**
 * What a delta on `base` must carry, or null when a full save is the better deal: `limit` passages
 * touched make a full save due, DELTA_HEADROOM times as many make the delta not worth writing.
 */
export function planDelta(
  state: SearchState,
  base: DeltaBase | null | undefined,
  limit = deltaLimit(state.passages.size),
): DeltaPlan | null {
  if (!base || base.aliasGroups !== JSON.stringify(state.aliasGroups)) return null;
  const plan: DeltaPlan = { passages: [], records: [], fullSaveDue: false };
  let cost = 0;
  for (const doc of state.documents.values()) {
    const before = base.documents.get(doc.id);
    if (!before || !sameContent(before, doc)) {
      plan.passages.push(doc);
      plan.records.push(doc);
      cost += doc.passageIds.length;
    } else if (!sameRecordedFingerprint(before.fingerprint, doc.fingerprint)) plan.records.push(doc);
  }
  for (const [id, before] of base.documents) {
    const now = state.documents.get(id);
    if (!now || !sameContent(before, now)) cost += before.passages;
  }
  if (cost > limit * DELTA_HEADROOM) return null;
  plan.fullSaveDue = cost > limit;
  return plan;
}
