import type { ReindexReport } from '../../engine/reindexReport.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';

function list(label: string, items: string[]): string {
  return items.length === 0
    ? ''
    : `**${label}:** ${items.map((i) => `\`${escapeForDiscord(i)}\``).join(', ')}`;
}

/** What a reindex changed, for the moderator who ran it. */
export function reindexMessage(report: ReindexReport): MessagePayload {
  const lines = [
    `**Passages:** ${report.passagesBefore} → ${report.passagesAfter} · **documents:** ${report.documents} · ${report.ms} ms (${report.mode})`,
    `Added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}, skipped ${report.skipped.length}.`,
    list('Added', report.added),
    list('Changed', report.changed),
    list('Removed', report.removed),
    ...report.skipped.map((s) => `⚠️ Skipped \`${escapeForDiscord(s.file)}\`: ${escapeForDiscord(s.reason)}`),
    report.saved
      ? ''
      : `⚠️ The new index serves but could not be saved: ${escapeForDiscord(report.saveError ?? 'unknown error')}`,
  ].filter(Boolean);
  return {
    embeds: [{ color: COLORS.moderator, title: 'Reindex finished', description: lines.join('\n') }],
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
