/** Why a document was not added, in one sentence for the moderator, naming the document in the way. */

import type { ArticleRefusal, Refusal } from '../../intake/refusal.js';
import { UserError } from '../errors.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import { truncateLabel } from '../send/truncate.js';
import { overCapReason } from './downloadAttachment.js';

type Occupied = Extract<ArticleRefusal, { kind: 'occupied' }>['decision'];

export const nothingAdded = (why: string) => new UserError(`Nothing was added: ${why}`, 'refused');

export const refuseAdd = (refusal: Refusal) => nothingAdded(refusalReason(refusal));

function refusalReason(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'bad-option':
      return refusal.problem;
    case 'wrong-type':
      return 'only `.md` and `.txt` files can be added.';
    case 'too-large':
      return `${overCapReason(refusal.bytes, refusal.maxBytes)}.`;
    // It may quote the page, the URL or the file.
    case 'unusable':
      return `${escapeForDiscord(refusal.reason)}.`;
    case 'duplicate': {
      const named = namedDocument(refusal.duplicate.existing);
      if (refusal.duplicate.by === 'url')
        return `${named} is already in the knowledge with this URL; add it with \`replace:true\` to replace it.`;
      return `the same text is already in the knowledge as ${named}.`;
    }
    case 'occupied':
      return occupiedReason(refusal.decision);
    case 'changed-meanwhile':
      return `a file named ${inlineCode(refusal.file)} appeared in the knowledge folder meanwhile; try again.`;
  }
}

/** “Title” (`file`), the title escaped. */
export function namedDocument(doc: { title: string; file: string }): string {
  return `“${escapeForDiscord(truncateLabel(doc.title, 150))}” (${inlineCode(doc.file)})`;
}

function namedFile(existing: Occupied['existing'][number]): string {
  return existing.meta
    ? namedDocument({ title: existing.meta.title, file: existing.file })
    : inlineCode(existing.file);
}

/** Why the file's name is not free: the same document without `replace`, another document, an unreadable file. */
export function occupiedReason(decision: Occupied): string {
  const [first] = decision.existing;
  if (!first) return 'the knowledge folder changed meanwhile; try again.';
  const ownTitle = 'Give this upload its own `title` to add it beside';
  switch (decision.why) {
    case 'needs-replace':
      return `${namedFile(first)} is already in the knowledge folder. Add it again with \`replace:true\` to replace it.`;
    case 'different-document':
      return (
        `this would take the place of a different document, ${namedFile(first)}: \`replace\` only replaces the same ` +
        `document (the same URL, or the same title when either has no URL). ${ownTitle} it.`
      );
    case 'unreadable':
      return (
        `${namedFile(first)} is already in the knowledge folder and is not a readable document ` +
        `(${escapeForDiscord(truncateLabel('reason' in first ? first.reason : 'unreadable', 200))}), so it is ` +
        `not replaced. ${ownTitle} it, or fix that file.`
      );
    case 'duplicates':
      return `${decision.existing.map(namedFile).join(' and ')} already share this name. ${ownTitle} them, or fix the folder first.`;
  }
}
