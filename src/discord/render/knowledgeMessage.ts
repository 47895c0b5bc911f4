import type { ReindexReport } from '../../engine/reindexReport.js';
import type { AddReport } from '../../intake/addReport.js';
import type { KnowledgeEntry } from '../../knowledge/knowledgeEntries.js';
import { outletWithClaim } from '../../knowledge/outletClaim.js';
import { knowledgePageId } from '../customIds.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import type { ModeratorAction } from './auditMessage.js';
import { COLORS } from './colors.js';
import { discordTime } from './discordTime.js';
import { pageCount, pagerRow } from './pager.js';
import { quoteMarkdown } from './quoteMarkdown.js';
import { ENDED_ROLLBACK, reindexMessage } from './reindexMessage.js';

const KNOWLEDGE_PAGE_SIZE = 10;

function addedWhen(iso: string | undefined): string {
  const when = iso === undefined ? null : discordTime(iso, 'R');
  return when ? ` · added ${when}` : '';
}

function entryLine(entry: KnowledgeEntry): string {
  const file = inlineCode(entry.file);
  return entry.reason === undefined
    ? `✅ ${file} · indexed, ${entry.passages ?? 0} passages${addedWhen(entry.addedAt)}`
    : `⚠️ ${file} · skipped: ${escapeForDiscord(entry.reason)}`;
}

/** The knowledge folder's files with their status, a page at a time (moderators only). */
export function knowledgeListMessage(entries: KnowledgeEntry[], page: number): MessagePayload {
  const pages = pageCount(entries.length, KNOWLEDGE_PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const slice = entries.slice(current * KNOWLEDGE_PAGE_SIZE, (current + 1) * KNOWLEDGE_PAGE_SIZE);
  const indexed = entries.filter((e) => e.reason === undefined).length;
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: 'Knowledge folder',
        description:
          slice.length === 0 ? 'The knowledge folder holds no documents.' : slice.map(entryLine).join('\n'),
        footer: {
          text: `${indexed} indexed, ${entries.length - indexed} skipped · page ${current + 1} of ${pages}`,
        },
      },
    ],
    components: pages > 1 ? [pagerRow(current, pages, (p) => knowledgePageId.build({ page: p }))] : [],
    ephemeral: true,
  };
}

/** A reindex report under a line saying what the moderator did first. */
export function afterReindexMessage(what: string, report: ReindexReport): MessagePayload {
  const message = reindexMessage(report);
  const [embed] = message.embeds ?? [];
  return {
    ...message,
    embeds: embed ? [{ ...embed, description: `${what}\n\n${embed.description ?? ''}` }] : [],
  };
}

export function knowledgeAudit(
  action: string,
  title: string,
  file: string,
  report: ReindexReport,
): ModeratorAction {
  return {
    action: `knowledge ${action}`,
    title,
    diff: {
      file,
      added: report.added,
      changed: report.changed,
      removed: report.removed,
      passagesBefore: report.passagesBefore,
      passagesAfter: report.passagesAfter,
    },
    lines: [inlineCode(file), `**Passages:** ${report.passagesBefore} → ${report.passagesAfter}`],
  };
}

/** What /knowledge add wrote: title, outlet, date, passages, and the first passage quoted. */
export function addedMessage(
  added: Pick<AddReport, 'kind' | 'file' | 'meta' | 'passages' | 'firstPassage'>,
  endedRollback = false,
): MessagePayload {
  const { kind, file, meta, passages, firstPassage } = added;
  const lines = [
    `**File:** ${inlineCode(file)}${kind === 'replaced' ? ' (replaced)' : ''}`,
    `**Title:** ${escapeForDiscord(meta.title)}`,
    `**Outlet:** ${escapeForDiscord(outletWithClaim(meta.outlet ?? 'unknown', meta.outletClaim))}`,
    `**Date:** ${escapeForDiscord(meta.published ?? 'undated')}`,
    `**Passages:** ${passages}`,
  ];
  if (endedRollback) lines.push(ENDED_ROLLBACK);
  if (firstPassage) lines.push('', quoteMarkdown({ quote: firstPassage, highlights: [] }, 1500));
  return {
    embeds: [{ color: COLORS.moderator, title: 'Document added', description: lines.join('\n') }],
    ephemeral: true,
  };
}
