import type { RollbackReport } from '../../engine/rollbackReport.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import type { ModeratorAction } from './auditMessage.js';
import { COLORS } from './colors.js';
import { discordTime } from './discordTime.js';
import { idList } from './idList.js';

const builtAt = (iso: string) => discordTime(iso, 'f') ?? escapeForDiscord(iso);

function rollbackLines(report: RollbackReport): string[] {
  return [
    `**Now serving:** the index built ${builtAt(report.to.builtAt)} · ${report.to.documents} documents, ${report.to.passages} passages`,
    `**Set aside:** the index built ${builtAt(report.from.builtAt)} · ${report.from.documents} documents, ${report.from.passages} passages`,
    idList('Back in answers', report.added),
    idList('Out of answers', report.removed),
    idList('Earlier version', report.changed),
  ].filter(Boolean);
}

/** What a rollback did, and what happens next, for the moderator who ran it. */
export function rollbackMessage(report: RollbackReport): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: 'Rolled back to the previous index',
        description: [
          'The knowledge folder is untouched. Automatic reindexing is paused: `/reindex update` applies the folder again, and `/reindex rollback` once more undoes this rollback.',
          '',
          ...rollbackLines(report),
        ].join('\n'),
      },
    ],
    ephemeral: true,
  };
}

export function rollbackAudit(report: RollbackReport): ModeratorAction {
  return {
    action: 'reindex rollback',
    title: 'Index rolled back',
    diff: {
      from: report.from.generation,
      to: report.to.generation,
      added: report.added,
      removed: report.removed,
      changed: report.changed,
      passagesBefore: report.from.passages,
      passagesAfter: report.to.passages,
    },
    lines: rollbackLines(report),
  };
}
