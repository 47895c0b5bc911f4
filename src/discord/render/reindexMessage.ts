import { everyDocumentRemoved, type ReindexReport } from '../../engine/reindexReport.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import type { ModeratorAction } from './auditMessage.js';
import { COLORS } from './colors.js';
import { idList } from './idList.js';

/** Also on the add / remove / restore replies, whose reindex can end a rollback too. */
export const ENDED_ROLLBACK =
  '↩️ This ended the rollback: the index reflects the knowledge folder again, and automatic reindexing is back on.';

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function reindexLines(report: ReindexReport): string[] {
  return [
    `**Passages:** ${report.passagesBefore} → ${report.passagesAfter} · **documents:** ${report.documents} · ${report.ms} ms (${report.mode})`,
    `Added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}, skipped ${report.skipped.length}.`,
    report.removedEvery ? `⚠️ ${capitalized(everyDocumentRemoved(report))}.` : '',
    report.endedRollback ? ENDED_ROLLBACK : '',
    idList('Added', report.added),
    idList('Changed', report.changed),
    idList('Removed', report.removed),
    ...report.skipped.map((s) => `⚠️ Skipped ${inlineCode(s.file)}: ${escapeForDiscord(s.reason)}`),
    report.saved
      ? ''
      : `⚠️ The new index serves but could not be saved: ${escapeForDiscord(report.saveError ?? 'unknown error')}`,
  ].filter(Boolean);
}

/** What a reindex changed, for the moderator who ran it. */
export function reindexMessage(report: ReindexReport): MessagePayload {
  return {
    embeds: [
      { color: COLORS.moderator, title: 'Reindex finished', description: reindexLines(report).join('\n') },
    ],
    ephemeral: true,
  };
}

export function reindexFailedMessage(reason: string): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.error,
        title: 'Reindex failed',
        description: `${escapeForDiscord(reason)}\n\nThe previous index is still serving answers; nothing was lost.`,
      },
    ],
    ephemeral: true,
  };
}

/** A reindex for the audit log: mode, documents added / changed / removed / skipped, passages before → after. */
export function reindexAudit(report: ReindexReport): ModeratorAction {
  return {
    action: 'reindex',
    title: `Reindex (${report.mode})`,
    diff: {
      mode: report.mode,
      added: report.added,
      changed: report.changed,
      removed: report.removed,
      skipped: report.skipped.map((s) => s.file),
      passagesBefore: report.passagesBefore,
      passagesAfter: report.passagesAfter,
      saved: report.saved,
    },
    lines: reindexLines(report),
  };
}

export function reindexFailedAudit(reason: string): ModeratorAction {
  return {
    action: 'reindex',
    title: 'Reindex failed',
    diff: { failed: true, reason },
    lines: [escapeForDiscord(reason), 'The previous index is still serving answers.'],
  };
}
