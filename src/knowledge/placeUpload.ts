/** Where an upload lands: decided from the folder as it stands, then written (see uploadTarget.ts). */

import { oneChangeAtATime } from './oneChangeAtATime.js';
import type { DocumentIdentity } from './sameDocument.js';
import { decideUpload, filesSharingId, type UploadDecision } from './uploadTarget.js';
import { writeFileAtomic } from './writeAtomic.js';

export interface PlaceUploadOptions {
  /** Replace the same document if it is there (/knowledge add replace:true). */
  replace: boolean;
  /** Test hook: called between the decision and the write. */
  decided?: (decision: UploadDecision) => Promise<void>;
}

/**
 * Writes `bytes` under the name the decision gives, unless it refuses (returned, nothing written).
 * The decision and the write are one change to the folder: no other /knowledge add, remove or restore
 * runs between them (oneChangeAtATime), so a replace overwrites only the document it was decided for.
 * Rejects with FileExistsError when an added file's name was taken meanwhile (by an edit on disk).
 */
export function placeUpload(
  dir: string,
  upload: { file: string; meta: DocumentIdentity },
  bytes: Buffer,
  { replace, decided }: PlaceUploadOptions,
): Promise<UploadDecision> {
  return oneChangeAtATime(dir, async () => {
    const decision = decideUpload(upload, await filesSharingId(dir, upload.file), replace);
    if (decision.kind === 'refuse') return decision;
    await decided?.(decision);
    await writeFileAtomic(dir, decision.file, bytes, { replace: decision.kind === 'replace' });
    return decision;
  });
}
