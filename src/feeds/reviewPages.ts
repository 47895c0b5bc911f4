/**
 * The page of a feed item awaiting review, kept as it arrived in DATA_DIR/review/<item id>.html, so
 * that Approve adds exactly what the moderators saw (and works when the site is down or has changed
 * the page since). Removed once the item is decided and applied, or its feed removed; a sweep at
 * every poll round removes any other (a crash, a feed removed while its item was read), so the folder
 * never holds more pages than the queue has items.
 */

import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeWhole } from '../util/writeWhole.js';

export const REVIEW_DIR = 'review';

const pagePath = (dataDir: string, itemId: number) =>
  path.join(path.resolve(dataDir, REVIEW_DIR), `${Math.trunc(itemId)}.html`);

export async function saveReviewPage(dataDir: string, itemId: number, bytes: Buffer): Promise<void> {
  const target = pagePath(dataDir, itemId);
  await mkdir(path.dirname(target), { recursive: true });
  await writeWhole(target, bytes);
}

/** The kept page, or null when there is none (it was never written, or already removed). */
export async function readReviewPage(dataDir: string, itemId: number): Promise<Buffer | null> {
  try {
    return await readFile(pagePath(dataDir, itemId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function removeReviewPage(dataDir: string, itemId: number): Promise<void> {
  await rm(pagePath(dataDir, itemId), { force: true });
}

/** Removes every kept page but those of `keep` (item ids); returns how many went. */
export async function sweepReviewPages(dataDir: string, keep: ReadonlySet<number>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(path.resolve(dataDir, REVIEW_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let swept = 0;
  for (const name of names) {
    const id = /^(\d+)\.html$/.exec(name)?.[1];
    if (id === undefined || keep.has(Number(id))) continue;
    await removeReviewPage(dataDir, Number(id));
    swept++;
  }
  return swept;
}
