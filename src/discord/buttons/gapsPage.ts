import { gapsPageId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { gapsMessage } from '../render/gapsMessage.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';

export const gapsPage = familyButton(gapsPageId, async (interaction, { page }, ctx) => {
  requireModerator(interaction, ctx, 'list unanswered questions');
  const groups = await ctx.state.gaps.groups();
  await update(interaction, gapsMessage(groups, page));
  return { outcome: 'listed', results: groups.length };
});
