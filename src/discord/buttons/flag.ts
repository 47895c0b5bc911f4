import { flagId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { flagModal } from '../render/flagModal.js';
import { showModal } from '../send/respond.js';

/** Flag n: asks for an optional reason in a modal; the modal's submit records and reports the flag. */
export const flag = familyButton(flagId, async (interaction, { key, passageId }) => {
  await showModal(interaction, flagModal(key, passageId));
  return { outcome: 'shown' };
});
