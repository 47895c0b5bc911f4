import { hashId } from '../../log/hashId.js';
import type { SubscribeResult } from '../../state/gapStore.js';
import { tellMeId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { escapeMemberText } from '../send/escape.js';
import { respond } from '../send/respond.js';

const UNDO = 'To take it back, and every question of yours I keep: `/forget-me`.';

function reply(result: SubscribeResult): string {
  switch (result.outcome) {
    case 'subscribed':
      return `I'll tell you once the knowledge covers **${escapeMemberText(result.subscription.query)}**: by direct message, or with a mention where you asked if your DMs are closed to me. ${UNDO}`;
    case 'already_subscribed':
      return `You're already on the list for **${escapeMemberText(result.subscription.query)}**: I'll tell you once. ${UNDO}`;
    case 'answered':
      return 'The knowledge covers this question now: ask it again with `/ask`.';
    case 'unknown':
      // Removed with /forget-me, someone else's question, or asked under another LOG_ID_SALT.
      return 'This button no longer works for you. Ask the question again with `/ask` to get a new one.';
  }
}

/**
 * Keeps the member's "tell me" for a question they asked. Only the member who asked may subscribe
 * to it: a forged id naming another member's question is answered as unknown, never with its text.
 */
export const tellMe = familyButton(tellMeId, async (interaction, { questionId }, ctx) => {
  const member = hashId(interaction.user.id);
  const question = await ctx.state.gaps.pendingQuestion(questionId);
  const thread = interaction.channel?.isThread() ? interaction.channel : null;
  const result: SubscribeResult =
    question && question.member !== member
      ? { outcome: 'unknown' }
      : await ctx.state.gaps.subscribe({
          questionId,
          member,
          memberId: interaction.user.id,
          channelId: thread ? thread.parentId : interaction.channelId,
          threadId: thread ? thread.id : null,
        });
  await respond(interaction, { content: reply(result), ephemeral: true });
  return {
    outcome: result.outcome === 'subscribed' || result.outcome === 'already_subscribed' ? 'done' : 'expired',
  };
});
