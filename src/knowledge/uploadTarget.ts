/**
 * Where an upload may go in the knowledge folder. Ids are unique across extensions (knowledgeFolder.ts),
 * so an upload whose id is taken by any file is refused before anything is written, unless it is a
 * `replace` of that same document (sameDocument.ts): then it goes under the existing file's own name.
 */

import { filesWithId, listKnowledgeFolder } from './knowledgeFolder.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, documentId, isSkipped, loadDocument } from './loadDocument.js';
import { isReadFailure, readKnowledgeFile } from './readKnowledgeFile.js';
import type { DocumentIdentity } from './sameDocument.js';
import { sameDocument } from './sameDocument.js';

/** A file of the folder with the upload's id: its title and URL, or why it does not read as a document. */
export type ExistingFile =
  | { file: string; meta: DocumentIdentity }
  | { file: string; meta: null; reason: string };

export type UploadDecision =
  | { kind: 'add'; file: string }
  | { kind: 'replace'; file: string; existing: ExistingFile }
  | {
      kind: 'refuse';
      /**
       * needs-replace: the same document is there and `replace` was not asked for; different-document:
       * another document has the id; unreadable: the file with the id is not a readable document;
       * duplicates: several files share the id already.
       */
      why: 'needs-replace' | 'different-document' | 'unreadable' | 'duplicates';
      existing: ExistingFile[];
    };

export function decideUpload(
  upload: { file: string; meta: DocumentIdentity },
  sameId: readonly ExistingFile[],
  replace: boolean,
): UploadDecision {
  const [existing, ...more] = sameId;
  if (!existing) return { kind: 'add', file: upload.file };
  if (more.length > 0) return { kind: 'refuse', why: 'duplicates', existing: [...sameId] };
  if (existing.meta === null) return { kind: 'refuse', why: 'unreadable', existing: [existing] };
  if (!sameDocument(upload.meta, existing.meta))
    return { kind: 'refuse', why: 'different-document', existing: [existing] };
  if (!replace) return { kind: 'refuse', why: 'needs-replace', existing: [existing] };
  return { kind: 'replace', file: existing.file, existing };
}

/** The files of the folder whose id is the id of `file`, whatever their extension, read as a scan would. */
export async function filesSharingId(dir: string, file: string): Promise<ExistingFile[]> {
  const { documents } = await listKnowledgeFolder(dir);
  return Promise.all(
    filesWithId(documents, documentId(file)).map(async (name): Promise<ExistingFile> => {
      const read = await readKnowledgeFile(dir, name, DEFAULT_MAX_DOCUMENT_BYTES);
      if (isReadFailure(read)) return { file: name, meta: null, reason: read.reason };
      const doc = loadDocument(name, read.bytes);
      return isSkipped(doc)
        ? { file: name, meta: null, reason: doc.reason }
        : { file: name, meta: { title: doc.meta.title, url: doc.meta.url } };
    }),
  );
}
