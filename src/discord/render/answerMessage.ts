import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ButtonStyle } from 'discord-api-types/v10';
import type { KnowledgeInfo } from '../../search/knowledgeInfo.js';
import { REPORTS_DIFFER } from '../../search/reportsDiffer.js';
import type { Answer, Citation } from '../../types.js';
import { moreSourcesId, openThreadId, shareId, showContextId } from '../customIds.js';
import type { MessagePayload } from '../send/payload.js';
import { actionButton, buttonRow } from './buttonRow.js';
import { COLORS } from './colors.js';
import { feedbackRow } from './feedbackRow.js';
import { freshnessFooter } from './freshness.js';
import { quoteMarkdown } from './quoteMarkdown.js';
import { sourceLine } from './sourceLine.js';

export const CITATIONS_PER_PAGE = 3;
const QUOTE_ROOM = 1500;

export function citationEmbed(citation: Citation): APIEmbed {
  return {
    color: COLORS.answer,
    description: `${quoteMarkdown(citation, QUOTE_ROOM)}\n${sourceLine(citation.rank, citation.source)}`,
  };
}

export interface AnswerView {
  answer: Answer;
  info: KnowledgeInfo;
  /** The query's key in the QueryStore, carried by the buttons. */
  key: string;
  ephemeral: boolean;
  /** Whether more citations exist beyond these. */
  hasMore: boolean;
  /** Where the next page of citations starts (0-based). */
  nextOffset: number;
  /** Threads cannot hold threads: Open thread posts into this one instead. */
  inThread: boolean;
  /** Outside a server (a DM) there are no threads: no Open thread button. */
  inGuild: boolean;
}

function answerComponents(view: AnswerView): APIActionRowComponent<APIButtonComponent>[] {
  // Share and Open thread act on the citations shown: a later page carries its offset.
  const offset = Math.max(view.nextOffset - CITATIONS_PER_PAGE, 0);
  const shown = { key: view.key, offset };
  const actions: APIButtonComponent[] = [
    actionButton(
      moreSourcesId.build({ key: view.key, offset: view.nextOffset }),
      'More sources',
      ButtonStyle.Secondary,
      !view.hasMore,
    ),
  ];
  // A private answer goes public only through Share: the shared message offers Open thread.
  if (view.inGuild && !view.ephemeral)
    actions.push(
      actionButton(
        openThreadId.build(shown),
        view.inThread ? 'Post citations here' : 'Open thread',
        ButtonStyle.Secondary,
      ),
    );
  if (view.ephemeral) actions.push(actionButton(shareId.build(shown), 'Share', ButtonStyle.Primary));
  const context = view.answer.citations.map((c) =>
    actionButton(showContextId.build({ passageId: c.passageId }), `Context ${c.rank}`, ButtonStyle.Secondary),
  );
  const rows = [buttonRow(...actions)];
  if (context.length > 0) {
    rows.push(buttonRow(...context.slice(0, 5)));
    rows.push(feedbackRow(view.key, view.answer.citations));
  }
  return rows;
}

/** The reply to /ask: one embed per citation, the question as title, freshness in the footer. */
export function answerMessage(view: AnswerView): MessagePayload {
  const embeds = view.answer.citations.map(citationEmbed);
  const first = embeds[0];
  const last = embeds[embeds.length - 1];
  if (first) first.title = view.answer.query;
  if (last) last.footer = { text: freshnessFooter(view.info, view.answer.outlets) };
  return {
    ...(view.answer.differs ? { content: `**${REPORTS_DIFFER}**` } : {}),
    embeds,
    components: answerComponents(view),
    ephemeral: view.ephemeral,
  };
}
