import { FrontMatterError } from '../knowledge/errors.js';
import { isSkipped } from '../knowledge/loadDocument.js';
import { loadDocumentOffThread } from '../knowledge/loadDocumentOffThread.js';
import { contentSuffix, safeFileName, uploadExtension } from '../knowledge/safeFileName.js';
import { type UploadOptions, uploadOptionsProblem, withFrontMatter } from '../knowledge/uploadMeta.js';
import { type AddReport, reportAdded, wasAdded } from './addReport.js';
import type { IntakeDeps } from './intakeDeps.js';
import { placeFile } from './placeFile.js';
import type { Refusal } from './refusal.js';

/** An upload checked for what can be refused before its bytes are fetched. */
export interface UploadRequest {
  kind: 'upload';
  name: string;
  ext: '.md' | '.txt';
  /** The moderator's metadata, written into its front matter. */
  options: UploadOptions;
  replace: boolean;
  maxBytes: number;
}

/** Its type, its declared size and the options: refused at once, before a front end downloads anything. */
export function checkUpload(
  upload: { name: string; size: number },
  options: UploadOptions,
  replace: boolean,
  maxBytes: number,
): UploadRequest | Refusal {
  const ext = uploadExtension(upload.name);
  if (!ext) return { kind: 'wrong-type' };
  if (upload.size > maxBytes) return { kind: 'too-large', bytes: upload.size, maxBytes };
  const problem = uploadOptionsProblem(options);
  if (problem) return { kind: 'bad-option', problem };
  return { kind: 'upload', name: upload.name, ext, options, replace, maxBytes };
}

/**
 * An uploaded .md/.txt checked like validate-knowledge, written under our own name (never taking the
 * id of a different document, whatever its extension), the index brought up to date, and the report.
 */
export async function addUpload(
  { name, ext, options, replace, maxBytes }: UploadRequest,
  bytes: Buffer,
  deps: IntakeDeps,
): Promise<AddReport | Refusal> {
  const file = safeFileName(name, ext, { title: options.title, unique: contentSuffix(bytes) });
  // Checked as the file stands (UTF-8, not binary, article text left), then with the options written in.
  const checked = await loadDocumentOffThread(file, bytes, { maxBytes });
  if (isSkipped(checked)) return { kind: 'unusable', reason: checked.reason };
  let written: Buffer;
  try {
    written = Buffer.from(withFrontMatter(bytes.toString('utf8'), options), 'utf8');
  } catch (error) {
    // Worded as the loader words it when it reads such a file.
    if (error instanceof FrontMatterError)
      return { kind: 'unusable', reason: `unreadable front matter: ${error.message}` };
    throw error;
  }
  const doc = await loadDocumentOffThread(file, written, { maxBytes: Math.max(maxBytes, written.length) });
  if (isSkipped(doc)) return { kind: 'unusable', reason: doc.reason };
  const placed = await placeFile(deps.config.knowledgeDir, { file, meta: doc.meta }, written, replace);
  if (!wasAdded(placed)) return placed;
  return reportAdded({ ...placed, meta: doc.meta, snapshot: null }, deps.engine);
}
