/** A knowledge file name of our own making: nothing of a member's path or odd characters survives. */

import { createHash } from 'node:crypto';
import path from 'node:path';
import { transliterate } from '../text/transliterate.js';

export const MAX_STEM_LENGTH = 80;
export const UPLOAD_EXTENSIONS = ['.md', '.txt'] as const;

/** Names that mean something else in the knowledge folder, or are device names on Windows. */
const RESERVED_STEMS = new Set([
  'readme',
  'aliases',
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** The lower-case extension of an upload when it is one we accept, else null. */
export function uploadExtension(name: string): '.md' | '.txt' | null {
  const ext = path.extname(lastSegment(name)).toLowerCase();
  return (UPLOAD_EXTENSIONS as readonly string[]).includes(ext) ? (ext as '.md' | '.txt') : null;
}

/** The part after the last / or \ (a member's name may carry either). */
function lastSegment(name: string): string {
  return name.split(/[/\\]/).pop() ?? '';
}

/**
 * Lower-case ASCII letters, digits and single hyphens: Cyrillic transliterated, accents folded, everything
 * else a separator.
 */
export function slugify(text: string): string {
  return transliterate(text.normalize('NFC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .replace(/-+$/, '');
}

/** A short name part that tells uploads apart when nothing of their title or name is usable. */
export function contentSuffix(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

export interface NameSources {
  /** The moderator's title option: names the file when it gives a slug. */
  title?: string | null | undefined;
  /** Used as `document-<unique>` when neither the title nor the upload's name gives a slug. */
  unique: string;
}

/**
 * `<slug><ext>`: the slug of the title when it gives one, else of the upload's own name (its last path
 * segment, extension dropped), else `document-<unique>`; a reserved stem gets `-doc`.
 */
export function safeFileName(uploadName: string, ext: '.md' | '.txt', sources: NameSources): string {
  const segment = lastSegment(uploadName);
  const stem = segment.slice(0, segment.length - path.extname(segment).length);
  let slug = (sources.title ? slugify(sources.title) : '') || slugify(stem) || `document-${sources.unique}`;
  if (RESERVED_STEMS.has(slug)) slug = `${slug}-doc`;
  return `${slug}${ext}`;
}
