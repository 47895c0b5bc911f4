import { FileExistsError } from '../knowledge/errors.js';
import { placeUpload } from '../knowledge/placeUpload.js';
import type { DocumentIdentity } from '../knowledge/sameDocument.js';
import type { UploadDecision } from '../knowledge/uploadTarget.js';
import type { ArticleRefusal } from './refusal.js';

/**
 * Writes a document into the knowledge folder by its rules (placeUpload): where it went, or the
 * refusal naming the files in the way, or the name a file took meanwhile (an edit on disk).
 */
export async function placeFile(
  knowledgeDir: string,
  upload: { file: string; meta: DocumentIdentity },
  bytes: Buffer,
  replace: boolean,
): Promise<{ kind: 'added' | 'replaced'; file: string } | Exclude<ArticleRefusal, { kind: 'duplicate' }>> {
  let decision: UploadDecision;
  try {
    decision = await placeUpload(knowledgeDir, upload, bytes, { replace });
  } catch (error) {
    if (error instanceof FileExistsError) return { kind: 'changed-meanwhile', file: upload.file };
    throw error;
  }
  if (decision.kind === 'refuse') return { kind: 'occupied', decision };
  return { kind: decision.kind === 'replace' ? 'replaced' : 'added', file: decision.file };
}
