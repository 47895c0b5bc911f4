import type { GapGroup } from '../../state/gapStore.js';
import { gapsPageId } from '../customIds.js';
import { COLORS } from '../render/colors.js';
import { discordTime } from '../render/discordTime.js';
import { pageCount, pagerRow } from '../render/pager.js';
import { plural } from '../render/plural.js';
import { escapeMemberText } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';

const GAPS_PAGE_SIZE = 10;
/** A question longer than this is cut in the list (each page stays well within an embed). */
const QUESTION_ROOM = 200;

function groupLine(group: GapGroup, rank: number): string {
  const question = escapeMemberText(truncateLabel(group.query, QUESTION_ROOM));
  const counts = [
    plural(group.members, 'member', 'members'),
    ...(group.asks > group.members ? [plural(group.asks, 'ask', 'asks')] : []),
    ...(group.subscribers > 0 ? [`${group.subscribers} waiting to be told`] : []),
  ];
  const last = discordTime(group.lastAsked, 'R');
  return `**${rank}.** ${question}\n${counts.join(' · ')}${last ? ` · last asked ${last}` : ''}`;
}

const EMPTY =
  'No unanswered questions are waiting. When `/ask` finds nothing for a member, the question is listed here, together with others asking the same, until a reindex makes it answerable.';

/** /knowledge gaps: what members asked that the knowledge does not answer, most asked first, a page at a time. */
export function gapsMessage(groups: readonly GapGroup[], page: number): MessagePayload {
  const pages = pageCount(groups.length, GAPS_PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const from = current * GAPS_PAGE_SIZE;
  const slice = groups.slice(from, from + GAPS_PAGE_SIZE);
  const asks = groups.reduce((n, g) => n + g.asks, 0);
  return {
    embeds: [
      {
        color: COLORS.moderator,
        title: 'Unanswered questions',
        description:
          slice.length === 0 ? EMPTY : slice.map((g, i) => groupLine(g, from + i + 1)).join('\n\n'),
        ...(groups.length === 0
          ? {}
          : {
              footer: {
                text: `${plural(groups.length, 'question', 'questions')} (near-duplicates together), ${plural(asks, 'ask', 'asks')} · page ${current + 1} of ${pages}`,
              },
            }),
      },
    ],
    components: pages > 1 ? [pagerRow(current, pages, (p) => gapsPageId.build({ page: p }))] : [],
    ephemeral: true,
  };
}
