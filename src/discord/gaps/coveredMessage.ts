import type { APIEmbed } from 'discord.js';
import type { CoveredQuestion } from '../../gaps/memberNotice.js';
import { CITATIONS_PER_PAGE, citationEmbed } from '../render/answerMessage.js';
import { COLORS } from '../render/colors.js';
import { quoteMarkdown } from '../render/quoteMarkdown.js';
import { sourceLine } from '../render/sourceLine.js';
import { fitEmbed } from '../send/embeds.js';
import { escapeMemberText } from '../send/escape.js';
import { LIMITS } from '../send/limits.js';
import type { MessagePayload } from '../send/payload.js';
import { truncate, truncateLabel } from '../send/truncate.js';

const FORGET = 'You can remove your questions and these requests with `/forget-me`.';
/** In a notice of several questions, each is cut to this, each quote to that: ten fit in one message. */
const QUESTION_ROOM = 200;
const LISTED_QUOTE_ROOM = 400;
/** A question named in the "and N more" line is cut to this. */
const MORE_ROOM = 100;

/** The direct message to a member who asked to be told: their question, then the answer as /ask gives it. */
function oneCovered({ subscription, answer }: CoveredQuestion): MessagePayload {
  const embeds = answer.citations.slice(0, CITATIONS_PER_PAGE).map(citationEmbed);
  const first = embeds[0];
  if (first) first.title = subscription.query;
  return {
    content: `The knowledge now covers a question you asked me to watch: **${escapeMemberText(subscription.query)}**\n${FORGET}`,
    embeds,
  };
}

/** One question of several: its first `citations` passages, each quote with its source. */
function listedEmbed({ subscription, answer }: CoveredQuestion, citations: number): APIEmbed {
  const quoted = answer.citations
    .slice(0, citations)
    .map((c) => `${quoteMarkdown(c, LISTED_QUOTE_ROOM)}\n${sourceLine(c.rank, c.source)}`);
  return fitEmbed({
    color: COLORS.answer,
    title: truncateLabel(subscription.query, QUESTION_ROOM),
    ...(quoted.length > 0 ? { description: quoted.join('\n\n') } : {}),
  });
}

/** As many questions, from the first, as one message takes with `citations` passages each. */
function listedEmbeds(covered: readonly CoveredQuestion[], citations: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let room = LIMITS.embedsTotal;
  for (const question of covered) {
    const embed = listedEmbed(question, citations);
    const size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    if (embeds.length === LIMITS.embeds || size > room) break;
    embeds.push(embed);
    room -= size;
  }
  return embeds;
}

/**
 * Several questions in one direct message: as many as fit with one passage each, each then with as
 * many of its answer's passages (up to a page of /ask) as still let them all fit.
 */
function severalCovered(covered: readonly CoveredQuestion[]): MessagePayload {
  const most = listedEmbeds(covered, 1);
  let embeds = most;
  for (let citations = CITATIONS_PER_PAGE; citations > 1; citations--) {
    const fuller = listedEmbeds(covered, citations);
    if (fuller.length === most.length) {
      embeds = fuller;
      break;
    }
  }
  const head = `The knowledge now covers ${covered.length} questions you asked me to watch; here is what it says on each.`;
  const rest = covered.slice(embeds.length);
  const more = rest.map((c) => `- ${escapeMemberText(truncateLabel(c.subscription.query, MORE_ROOM))}`);
  const moreRoom = LIMITS.content - head.length - FORGET.length - 2;
  const lines = [
    head,
    ...(rest.length > 0
      ? [truncate(`and ${rest.length} more — ask again with \`/ask\`:\n${more.join('\n')}`, moreRoom)]
      : []),
    FORGET,
  ];
  return { content: lines.join('\n'), embeds };
}

/**
 * The direct message to a member who asked to be told: one question with its answer as /ask gives
 * it, or several, each with as much of its answer as fits, those that do not fit named to ask again.
 */
export function coveredMessage(covered: readonly CoveredQuestion[]): MessagePayload {
  const [only] = covered;
  return only && covered.length === 1 ? oneCovered(only) : severalCovered(covered);
}
