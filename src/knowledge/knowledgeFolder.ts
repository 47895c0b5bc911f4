/**
 * What the knowledge folder holds, by name and kind: the files read as documents, files that look like
 * documents but are not read (a problem to fix), and everything else left aside (told, not a problem).
 * Document ids are unique across extensions: the first file of an id, in name order, is the document.
 */

import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ALIAS_FILE } from '../text/aliases.js';
import type { SkippedDocument } from '../types.js';
import { KnowledgeFolderError } from './errors.js';
import { documentId } from './loadDocument.js';

const DOCUMENT_EXTENSIONS = new Set(['.md', '.txt']);
/** Files a moderator likely meant as documents, in a format the bot does not read. */
const DOCUMENT_LIKE_EXTENSIONS = new Set([
  '.markdown',
  '.mdown',
  '.mkd',
  '.mkdn',
  '.text',
  '.html',
  '.htm',
  '.rtf',
  '.pdf',
  '.doc',
  '.docx',
  '.odt',
]);
/** Names that live in the knowledge folder but are not documents: its readme and the name-alias file. */
const RESERVED_NAMES = new Set(['readme.md', ALIAS_FILE]);

export interface FolderEntries {
  /** Names read as documents, in code-unit order (duplicate ids not yet weeded out). */
  documents: string[];
  /** Files that look like documents but are not read: they fail validation. */
  misnamed: SkippedDocument[];
  /** Everything else that is not read, with why: information only. */
  ignored: SkippedDocument[];
}

export function isDocumentFileName(name: string): boolean {
  return (
    !name.startsWith('.') &&
    DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase()) &&
    !RESERVED_NAMES.has(name.toLowerCase())
  );
}

export function duplicateIdReason(id: string, taken: string): string {
  return `duplicate id "${id}": ${taken} has the same name; rename one of them`;
}

/** The document files among `names` whose id is `id` (any extension), in name order. */
export function filesWithId(names: readonly string[], id: string): string[] {
  return names.filter((name) => documentId(name) === id).sort(byCodeUnit);
}

export async function listKnowledgeFolder(dir: string): Promise<FolderEntries> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : 'cannot be read';
    throw new KnowledgeFolderError(`knowledge folder ${dir} ${why}${code ? ` (${code})` : ''}`, {
      cause: error,
    });
  }
  const out: FolderEntries = { documents: [], misnamed: [], ignored: [] };
  for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
    const { name } = entry;
    const ext = path.extname(name).toLowerCase();
    if (RESERVED_NAMES.has(name.toLowerCase())) continue;
    if (name.startsWith('.')) {
      // Temporary uploads, .git and the like are nobody's document; a hidden .md may be.
      if (DOCUMENT_EXTENSIONS.has(ext) || DOCUMENT_LIKE_EXTENSIONS.has(ext))
        out.ignored.push({ file: name, reason: 'hidden (its name starts with a dot): not read' });
    } else if (entry.isDirectory()) {
      out.ignored.push({ file: `${name}/`, reason: 'a folder: files in subfolders are not read' });
    } else if (DOCUMENT_EXTENSIONS.has(ext)) {
      // Links, pipes and devices too: reading them is refused with the reason.
      out.documents.push(name);
    } else if (DOCUMENT_LIKE_EXTENSIONS.has(ext)) {
      out.misnamed.push({
        file: name,
        reason: `a ${ext} file is not read: save it as .md or .txt to make it a document`,
      });
    } else {
      out.ignored.push({ file: name, reason: 'not a .md or .txt file: not read' });
    }
  }
  return out;
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
