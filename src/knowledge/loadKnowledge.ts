/** Loads every knowledge file of a folder; a bad file is reported as skipped, never fatal. */

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeLoad } from '../types.js';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  documentId,
  isSkipped,
  type LoadDocumentOptions,
  loadDocument,
  tooLargeReason,
} from './loadDocument.js';

const DOCUMENT_EXTENSIONS = new Set(['.md', '.txt']);
/** Names that live in the knowledge folder but are not documents (aliases.* is the name-alias file). */
const RESERVED_NAMES = new Set(['readme.md', 'aliases.txt', 'aliases.json']);

export function isDocumentFileName(name: string): boolean {
  return (
    !name.startsWith('.') &&
    DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase()) &&
    !RESERVED_NAMES.has(name.toLowerCase())
  );
}

export async function loadKnowledge(dir: string, opts: LoadDocumentOptions = {}): Promise<KnowledgeLoad> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isDocumentFileName(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : 'cannot be read';
    throw new Error(`knowledge folder ${dir} ${why}${code ? ` (${code})` : ''}`, { cause: error });
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const load: KnowledgeLoad = { documents: [], skipped: [] };
  const firstFileById = new Map<string, string>();
  for (const file of names) {
    const id = documentId(file);
    const taken = firstFileById.get(id);
    if (taken !== undefined) {
      load.skipped.push({
        file,
        reason: `duplicate id "${id}": ${taken} has the same name; rename one of them`,
      });
      continue;
    }
    firstFileById.set(id, file);
    let bytes: Buffer;
    try {
      // Checked before reading so that a huge stray file is never read into memory.
      const { size } = await stat(path.join(dir, file));
      if (size > maxBytes) {
        load.skipped.push({ file, reason: tooLargeReason(size, maxBytes) });
        continue;
      }
      bytes = await readFile(path.join(dir, file));
    } catch (error) {
      load.skipped.push({ file, reason: `cannot read file: ${(error as Error).message}` });
      continue;
    }
    let result: ReturnType<typeof loadDocument>;
    try {
      result = loadDocument(file, bytes, { maxBytes });
    } catch (error) {
      // A bug met on one file must not stop the others from loading.
      result = { file, reason: `could not be loaded: ${(error as Error).message}` };
    }
    if (isSkipped(result)) load.skipped.push(result);
    else load.documents.push(result);
  }
  return load;
}
