import { removeReviewPage } from '../../feeds/reviewPages.js';
import { hashId } from '../../log/hashId.js';
import { crashPoint } from '../../util/crashPoint.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import { reviewButtonId } from '../customIds.js';
import { UserError } from '../errors.js';
import { applyApproved } from '../feeds/applyApproved.js';
import { familyButton } from '../idFamily.js';
import { alreadyDecidedText, decidedReviewMessage } from '../render/reviewMessage.js';
import { requireModerator } from '../requireModerator.js';
import { respond, update } from '../send/respond.js';

const gone = () => new UserError('This feed item is no longer in the review queue.', 'expired');

/**
 * Approve / Reject of a feed item: moderators only; the first decision wins (ReviewQueue.decide, atomic
 * across processes) and is stored before anything else happens, so an approval cut short by a crash is
 * applied at the next start. A later click is told who decided first.
 */
export const review = familyButton(reviewButtonId, async (interaction, { itemId, action }, ctx) => {
  requireModerator(interaction, ctx, 'approve or reject feed items');
  const status = action === 'approve' ? 'approved' : 'rejected';
  const moderator = interaction.user.id;
  const decided = await ctx.state.reviews.decide(itemId, { status, by: hashId(moderator) });
  if (!decided.item) throw gone();
  const { item } = decided;
  if (!decided.won) {
    await respond(interaction, { content: alreadyDecidedText(item), ephemeral: true });
    return { outcome: 'refused' };
  }
  await auditModeratorAction(ctx, interaction, {
    action: `feed item ${status}`,
    title: `Feed item ${status}`,
    diff: { item: item.id, feed: item.feedId },
    lines: [`**Item:** ${item.id}`],
  });
  if (status === 'rejected') {
    await update(interaction, decidedReviewMessage(item, '', moderator));
    await removeReviewPage(ctx.config.dataDir, item.id);
    return { outcome: 'done' };
  }
  await update(interaction, decidedReviewMessage(item, 'adding…', moderator));
  crashPoint('review:approved');
  const outcome = await applyApproved(item, ctx);
  await update(interaction, decidedReviewMessage(item, outcome, moderator));
  return { outcome: 'done' };
});
