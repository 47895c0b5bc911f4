/** Why an article by URL is not added, in one sentence for the moderator, naming the document in the way. */

import type { Duplicate, KnownDocument } from '../../ingest/duplicates.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import { truncateLabel } from '../send/truncate.js';
import { UserError } from '../userError.js';

export const refuseArticle = (why: string) => new UserError(`Nothing was added: ${why}`, 'refused');

/** An IngestError's reason (one sentence without its full stop), escaped: it may quote the page or the URL. */
export function ingestRefusal(message: string): UserError {
  return refuseArticle(`${escapeForDiscord(message)}.`);
}

/** “Title” (`file`), the title escaped. */
export function namedDocument(doc: Pick<KnownDocument, 'title' | 'file'>): string {
  return `“${escapeForDiscord(truncateLabel(doc.title, 150))}” (${inlineCode(doc.file)})`;
}

export function duplicateArticleRefusal(duplicate: Duplicate): UserError {
  const named = namedDocument(duplicate.existing);
  if (duplicate.by === 'url')
    return refuseArticle(
      `${named} is already in the knowledge with this URL; add it with \`replace:true\` to replace it.`,
    );
  return refuseArticle(`the same text is already in the knowledge as ${named}.`);
}
