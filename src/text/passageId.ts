import { createHash } from 'node:crypto';

/** 12 hex characters (48 bits) keep ids short for Discord custom ids yet collision-free across ~100k passages. */
const ID_HEX_CHARS = 12;

/**
 * Stable id of a passage: a hash of its document id and exact text, so reindexing unchanged text gives the
 * same id and editing one passage changes only its own. `occurrence` (from 0) tells apart identical
 * passages within one document; only repeats get a suffix.
 */
export function passageId(documentId: string, text: string, occurrence = 0): string {
  const hash = createHash('sha256').update(`${documentId}\u0000${text}`).digest('hex').slice(0, ID_HEX_CHARS);
  return occurrence === 0 ? hash : `${hash}-${occurrence}`;
}
