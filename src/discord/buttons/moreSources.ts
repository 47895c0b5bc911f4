import { moreSourcesId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { respond } from '../send/respond.js';
import { storedAnswerPage } from './storedAnswerPage.js';

/** More sources: the next page of citations, privately, with its own More button. */
export const moreSources = familyButton(moreSourcesId, async (interaction, page, ctx) => {
  const { payload, outcome } = await storedAnswerPage(interaction, ctx, page, true);
  await respond(interaction, payload);
  return outcome;
});
