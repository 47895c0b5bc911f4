/** A knowledge file name of our own making: nothing of a member's path or odd characters survives. */

import path from 'node:path';

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

/** Lower-case ASCII letters, digits and single hyphens; accents folded, everything else a separator. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .replace(/-+$/, '');
}

/**
 * `<slug><ext>`: the slug from `preferred` (a title) when it gives one, else from the upload's own name
 * (its last path segment, extension dropped); `document` when neither does; a reserved stem gets `-doc`.
 */
export function safeFileName(uploadName: string, ext: '.md' | '.txt', preferred?: string | null): string {
  const segment = lastSegment(uploadName);
  const stem = segment.slice(0, segment.length - path.extname(segment).length);
  let slug = (preferred ? slugify(preferred) : '') || slugify(stem) || 'document';
  if (RESERVED_STEMS.has(slug)) slug = `${slug}-doc`;
  return `${slug}${ext}`;
}
