/**
 * The provenance snapshot of a document added by URL: the page's bytes exactly as they arrived, in
 * DATA_DIR/snapshots/<document id>.html, beside a .json of where and when they were fetched (the
 * address asked for, the URL after redirects, the time the page arrived) and when it was saved. Each file
 * is written whole (a temporary file, then a rename) and only ever inside that folder; a replace of the
 * document replaces its snapshot.
 */

import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { documentId } from '../knowledge/loadDocument.js';
import { contentSuffix, slugify } from '../knowledge/safeFileName.js';
import { writeWhole } from '../util/writeWhole.js';
import { type FetchedPage, type PageOrigin, pageOrigin } from './safeFetch.js';

export const SNAPSHOT_DIR = 'snapshots';

export interface SavedSnapshot {
  /** Paths of the page and of its provenance record. */
  page: string;
  record: string;
}

export interface SnapshotRecord {
  document: string;
  url: string;
  finalUrl: string;
  redirects: string[];
  status: number;
  contentType: string;
  charset: string;
  /** When the page arrived: a preview can be added, or a feed item approved, long after. */
  fetchedAt: string;
  bytes: number;
  sha256: string;
  savedAt: string;
}

/** The snapshot's name for a knowledge file: its id as a slug (ids of hand-made files may hold anything). */
export function snapshotStem(documentFile: string, bytes: Buffer): string {
  return slugify(documentId(path.basename(documentFile))) || `document-${contentSuffix(bytes)}`;
}

export async function saveSnapshot(
  dataDir: string,
  documentFile: string,
  page: PageOrigin & Pick<FetchedPage, 'bytes'>,
  savedAt = new Date(),
): Promise<SavedSnapshot> {
  const dir = path.resolve(dataDir, SNAPSHOT_DIR);
  const stem = snapshotStem(documentFile, page.bytes);
  const ext = page.contentType.toLowerCase().startsWith('application/xhtml+xml') ? '.xhtml' : '.html';
  const record: SnapshotRecord = {
    document: documentFile,
    ...pageOrigin(page),
    bytes: page.bytes.length,
    sha256: createHash('sha256').update(page.bytes).digest('hex'),
    savedAt: savedAt.toISOString(),
  };
  await mkdir(dir, { recursive: true });
  const saved = { page: inside(dir, `${stem}${ext}`), record: inside(dir, `${stem}.json`) };
  await writeWhole(saved.page, page.bytes);
  await writeWhole(saved.record, Buffer.from(`${JSON.stringify(record, null, 2)}\n`));
  return saved;
}

/** `name` joined to `dir`, refused if it would land anywhere else. */
function inside(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== dir) throw new Error(`snapshot name ${name} leaves ${dir}`);
  return target;
}
