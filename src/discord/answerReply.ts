import type { AnswerMode } from '../search/abstain.js';
import { MAX_LIMIT } from '../search/answerQuery.js';
import type { Answer } from '../types.js';
import type { BotContext } from './botContext.js';
import type { Outcome } from './command.js';
import { answerMessage, CITATIONS_PER_PAGE } from './render/answerMessage.js';
import { notFoundMessage } from './render/notFoundMessage.js';
import type { MessagePayload } from './send/payload.js';

/** An answer page as a message, with what the interaction came to. */
export interface AnswerReply {
  payload: MessagePayload;
  outcome: Outcome;
}

export interface AnswerReplyOptions {
  ephemeral: boolean;
  inThread: boolean;
  inGuild: boolean;
  offset?: number;
  mode?: AnswerMode;
  /** The hashed id of the member who typed the question (a command; a button press types nothing). */
  asker?: string;
}

/** Earlier questions (answered publicly, most recent first) looked through for a "not found". */
const EARLIER_SCANNED = 200;

/** Citations to ask for to show the page at `offset`, and to know whether another page follows. */
export function citationsToAsk(offset = 0): number {
  return Math.min(offset + CITATIONS_PER_PAGE + 1, MAX_LIMIT);
}

/** Asks the engine and makes the reply: one page of citations, or a private "not found". */
export async function askForReply(
  ctx: BotContext,
  query: string,
  options: AnswerReplyOptions,
): Promise<AnswerReply> {
  const answer = ctx.knowledge.ask(query, {
    limit: citationsToAsk(options.offset),
    mode: options.mode ?? 'question',
  });
  return replyForAnswer(ctx, answer, options);
}

/**
 * The reply for an answer already computed with `citationsToAsk(options.offset)` citations; stores
 * the question for its buttons.
 */
export async function replyForAnswer(
  ctx: BotContext,
  answer: Answer,
  options: AnswerReplyOptions,
): Promise<AnswerReply> {
  const offset = options.offset ?? 0;
  const info = ctx.knowledge.info();
  if (!answer.answered) {
    const earlier = ctx.knowledge.relatedEarlier(answer.query, await ctx.queries.recent('', EARLIER_SCANNED));
    return { payload: notFoundMessage(answer, info, earlier), outcome: { outcome: 'not_found', results: 0 } };
  }
  const page = answer.citations.slice(offset, offset + CITATIONS_PER_PAGE);
  if (page.length === 0)
    return {
      payload: { content: 'There are no further sources for this question.', ephemeral: true },
      outcome: { outcome: 'not_found', results: 0 },
    };
  // Only an answer other members see makes its question public (Open thread, suggestions to others).
  const audience = options.ephemeral || !options.inGuild ? 'private' : 'public';
  const key = await ctx.queries.put(answer.query, {}, options.mode, audience, options.asker);
  const nextOffset = offset + CITATIONS_PER_PAGE;
  const payload = answerMessage({
    answer: { ...answer, citations: page },
    info,
    key,
    ephemeral: options.ephemeral,
    hasMore: answer.citations.length > nextOffset,
    nextOffset,
    inThread: options.inThread,
    inGuild: options.inGuild,
  });
  return { payload, outcome: { outcome: 'answered', results: page.length } };
}
