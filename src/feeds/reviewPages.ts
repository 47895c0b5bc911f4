/**
 * The page of a feed item awaiting review, kept as it arrived in DATA_DIR/review/<item id>.html, so
 * that Approve adds exactly what the moderators saw (and works when the site is down or has changed
 * the page since). Removed once the item is decided and applied.
 */

import { mkdir, readFile, rm } from 'node:fs/promises';
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
