/** Front matter for an uploaded document: the moderator's options merged over the upload's own. */

import { isHttpUrl } from '../util/httpUrl.js';
import { isIsoDate } from './dates.js';
import { type FrontMatterData, parseFrontMatter, serializeFrontMatter } from './frontMatter.js';

export interface UploadOptions {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  published?: string | null;
  url?: string | null;
}

/** What is wrong with the options, in words for the moderator; null when nothing is. */
export function uploadOptionsProblem(options: UploadOptions): string | null {
  const { published, url } = options;
  if (published && !isIsoDate(published))
    return `\`published\` must be a date written YYYY-MM-DD, such as 2020-08-26.`;
  if (url && !isHttpUrl(url)) return '`url` must be a web address starting with http:// or https://.';
  return null;
}

/**
 * The upload's text with the options written into its front matter (options win; empty ones are left out).
 * Throws FrontMatterError when the upload's own front matter is unreadable.
 */
export function withFrontMatter(source: string, options: UploadOptions): string {
  const given = Object.entries(options).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  if (given.length === 0) return source;
  const { data, body } = parseFrontMatter(source);
  const merged: FrontMatterData = { ...data };
  for (const [key, value] of given) merged[key] = (value as string).trim();
  return `${serializeFrontMatter(merged)}${body}`;
}
