import { sameFingerprint } from '../knowledge/fingerprint.js';
import type { KnownFile } from '../knowledge/loadKnowledge.js';
import type { SearchState } from '../search/searchState.js';
import type { Fingerprints } from './buildState.js';

/** The index's documents as a scan needs them: hash and fingerprint by file name. */
export function knownFiles(state: SearchState): Map<string, KnownFile> {
  const known = new Map<string, KnownFile>();
  for (const doc of state.documents.values()) {
    const file: KnownFile = { hash: doc.hash };
    if (doc.fingerprint) file.fingerprint = doc.fingerprint;
    known.set(doc.file, file);
  }
  return known;
}

/**
 * Unchanged documents that were read anyway (touched, or too fresh to trust last time) take their
 * new fingerprint, so the next scan can skip them. True when any did (worth saving).
 */
export function refreshFingerprints(
  state: SearchState,
  unchanged: string[],
  fingerprints: Fingerprints,
): boolean {
  let changed = false;
  for (const id of unchanged) {
    const doc = state.documents.get(id);
    const fingerprint = doc && fingerprints.get(doc.file);
    if (!doc || !fingerprint || sameFingerprint(doc.fingerprint, fingerprint)) continue;
    doc.fingerprint = fingerprint;
    changed = true;
  }
  return changed;
}
