import type { ButtonHandler } from '../command.js';
import { isPassageId, isQueryKey } from '../feedbackIds.js';
import { FLAG } from '../render/feedbackRow.js';
import { flagModal } from '../render/flagModal.js';
import { showModal } from '../send/respond.js';
import { UserError } from '../userError.js';
import { OUTDATED_COMPONENT } from './expired.js';

/** Flag n: asks for an optional reason in a modal; the modal's submit records and reports the flag. */
export const flag: ButtonHandler = {
  prefix: FLAG,
  async handle(interaction, [key, passageId], _ctx) {
    if (!isQueryKey(key) || !isPassageId(passageId)) throw new UserError(OUTDATED_COMPONENT, 'expired');
    await showModal(interaction, flagModal(key, passageId));
    return { outcome: 'shown' };
  },
};
