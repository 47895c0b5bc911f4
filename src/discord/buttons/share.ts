import { shareId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { followUp } from '../send/respond.js';
import { storedAnswerPage } from './storedAnswerPage.js';

/** Share: posts a private answer publicly, where it was asked. */
export const share = familyButton(shareId, async (interaction, page, ctx) => {
  // The page that was shown: Share on a More sources page posts those citations, not the first ones.
  const { payload, outcome } = await storedAnswerPage(interaction, ctx, page, false);
  await followUp(interaction, { ...payload, ephemeral: false });
  return outcome;
});
