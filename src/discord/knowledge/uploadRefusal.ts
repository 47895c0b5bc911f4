/** Why /knowledge add would not write an upload, naming the document in the way. */

import type { ExistingFile, UploadDecision } from '../../knowledge/uploadTarget.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import { truncateLabel } from '../send/truncate.js';

function named(existing: ExistingFile): string {
  return existing.meta
    ? `“${escapeForDiscord(truncateLabel(existing.meta.title, 150))}” (${inlineCode(existing.file)})`
    : inlineCode(existing.file);
}

export function uploadRefusal(decision: Extract<UploadDecision, { kind: 'refuse' }>): string {
  const [first] = decision.existing;
  if (!first) return 'the knowledge folder changed meanwhile; try again.';
  const ownTitle = 'Give this upload its own `title` to add it beside';
  switch (decision.why) {
    case 'needs-replace':
      return `${named(first)} is already in the knowledge folder. Add it again with \`replace:true\` to replace it.`;
    case 'different-document':
      return (
        `this would take the place of a different document, ${named(first)}: \`replace\` only replaces the same ` +
        `document (the same URL, or the same title when either has no URL). ${ownTitle} it.`
      );
    case 'unreadable':
      return (
        `${named(first)} is already in the knowledge folder and is not a readable document ` +
        `(${escapeForDiscord(truncateLabel('reason' in first ? first.reason : 'unreadable', 200))}), so it is ` +
        `not replaced. ${ownTitle} it, or fix that file.`
      );
    case 'duplicates':
      return `${decision.existing.map(named).join(' and ')} already share this name. ${ownTitle} them, or fix the folder first.`;
  }
}
