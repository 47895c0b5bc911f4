import { gapGroupKey } from '../../gaps/groupKey.js';
import { hashId } from '../../log/hashId.js';
import type { BotContext } from '../botContext.js';
import type { MessagePayload } from '../send/payload.js';
import { withTellMe } from './tellMeRow.js';

/**
 * Keeps a question the knowledge could not answer (what /knowledge gaps lists) and offers its asker
 * the Tell me button. A failed write is logged and the reply goes out without the button.
 */
export async function keepUnanswered(
  ctx: Pick<BotContext, 'state' | 'logger'>,
  question: string,
  userId: string,
  notFound: MessagePayload,
): Promise<MessagePayload> {
  const member = hashId(userId);
  try {
    const questionId = await ctx.state.gaps.recordUnanswered({
      groupKey: gapGroupKey(question),
      query: question,
      member,
    });
    return withTellMe(notFound, questionId);
  } catch (error) {
    ctx.logger.warn({ err: error, member }, 'could not keep an unanswered question');
    return notFound;
  }
}
