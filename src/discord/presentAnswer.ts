import type { AnswerMode } from '../search/abstain.js';
import { MAX_LIMIT } from '../search/answerQuery.js';
import { knowledgeInfo } from '../search/browse.js';
import type { BotContext } from './botContext.js';
import type { Outcome } from './command.js';
import { answerMessage, CITATIONS_PER_PAGE } from './render/answerMessage.js';
import { notFoundMessage } from './render/notFoundMessage.js';
import type { MessagePayload } from './send/payload.js';

export interface Presented {
  payload: MessagePayload;
  outcome: Outcome;
}

/** Answers a question as a Discord message: one page of citations, or a private "not found". */
export function presentAnswer(
  ctx: BotContext,
  query: string,
  options: { ephemeral: boolean; inThread: boolean; inGuild: boolean; offset?: number; mode?: AnswerMode },
): Presented {
  const offset = options.offset ?? 0;
  const answer = ctx.engine.ask(query, {
    limit: Math.min(offset + CITATIONS_PER_PAGE + 1, MAX_LIMIT),
    mode: options.mode ?? 'question',
  });
  const info = knowledgeInfo(ctx.engine.current);
  if (!answer.answered)
    return { payload: notFoundMessage(answer, info), outcome: { outcome: 'not_found', results: 0 } };
  const page = answer.citations.slice(offset, offset + CITATIONS_PER_PAGE);
  if (page.length === 0)
    return {
      payload: { content: 'There are no further sources for this question.', ephemeral: true },
      outcome: { outcome: 'not_found', results: 0 },
    };
  const key = ctx.queries.put(answer.query);
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
