import { createHash } from 'node:crypto';
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeedback } from './feedbackRecord.js';
import type { FeedbackStore } from './feedbackStore.js';

/** Where feedback went before the database: one JSON line a record. */
export const FEEDBACK_FILE = 'feedback.jsonl';
const IMPORTED = `${FEEDBACK_FILE}.imported`;
const MAX_ASIDE = 100;

export interface ImportedFeedback {
  records: number;
  skipped: number;
  /** False when the same file was imported before and only its renaming was left to do. */
  fresh: boolean;
  /** The name the file has now (null when another process renamed it first). */
  renamedTo: string | null;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** feedback.jsonl.imported, or .imported-2, -3… when an earlier import left one there. */
async function asideName(dataDir: string): Promise<string> {
  for (let n = 1; n <= MAX_ASIDE; n++) {
    const name = n === 1 ? IMPORTED : `${IMPORTED}-${n}`;
    if (!(await exists(join(dataDir, name)))) return name;
  }
  throw new Error(`${MAX_ASIDE} imported feedback files are already in ${dataDir}; move them away`);
}

/**
 * Brings DATA_DIR/feedback.jsonl into the store once: every record in one transaction (lines that
 * are not records are counted and skipped), then the file is renamed aside. A crash before the
 * commit leaves the file to import again; a crash between the commit and the rename is caught by
 * the file's digest, so nothing is lost and nothing counted twice. Null when there is no file.
 */
export async function importFeedbackFile(
  store: FeedbackStore,
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<ImportedFeedback | null> {
  const path = join(dataDir, FEEDBACK_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const { records, malformed } = parseFeedback(bytes.toString('utf8'));
  const digest = createHash('sha256').update(bytes).digest('hex');
  const fresh = await store.importFile(
    {
      file: FEEDBACK_FILE,
      digest,
      records: records.length,
      skipped: malformed,
      importedAt: now().toISOString(),
    },
    records,
  );
  const name = await asideName(dataDir);
  try {
    await rename(path, join(dataDir, name));
  } catch (error) {
    if (!isMissing(error)) throw error;
    return { records: records.length, skipped: malformed, fresh, renamedTo: null };
  }
  return { records: records.length, skipped: malformed, fresh, renamedTo: name };
}
