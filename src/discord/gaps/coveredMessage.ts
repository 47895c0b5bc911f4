import type { Answer } from '../../types.js';
import { CITATIONS_PER_PAGE, citationEmbed } from '../render/answerMessage.js';
import { sourceLine } from '../render/sourceLine.js';
import { escapeMemberText } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';

const FORGET = 'You can remove your questions and these requests with `/forget-me`.';

/** The direct message to a member who asked to be told: their question, then the answer as /ask gives it. */
export function coveredMessage(question: string, answer: Answer): MessagePayload {
  const embeds = answer.citations.slice(0, CITATIONS_PER_PAGE).map(citationEmbed);
  const first = embeds[0];
  if (first) first.title = question;
  return {
    content: `The knowledge now covers a question you asked me to watch: **${escapeMemberText(question)}**\n${FORGET}`,
    embeds,
  };
}

/**
 * The mention where the member asked, when their DMs are closed. Others read it too, so it names
 * neither the question nor the quote (the member's question was private): only where the answer is.
 */
export function coveredMentionMessage(answer: Answer): MessagePayload {
  const sources = answer.citations.slice(0, CITATIONS_PER_PAGE).map((c) => sourceLine(c.rank, c.source));
  return {
    content: [
      'a question you asked me to watch is now covered by:',
      ...sources,
      'I could not send you the answer directly: your direct messages are closed to me. Ask it again with `/ask` (`private: True` keeps the answer to you).',
    ].join('\n'),
    suppressEmbeds: true,
  };
}
