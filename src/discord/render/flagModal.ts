import { ComponentType, TextInputStyle } from 'discord-api-types/v10';
import { REASON_MAX } from '../../state/feedbackRecord.js';
import { flagReasonId } from '../customIds.js';
import type { ModalPayload } from '../send/modal.js';

export const REASON_INPUT = 'reason';

/** The form a Flag button opens: one optional reason. Its id carries the question's key and the passage. */
export function flagModal(key: string, passageId: string): ModalPayload {
  return {
    custom_id: flagReasonId.build({ key, passageId }),
    title: 'Flag this passage',
    components: [
      {
        type: ComponentType.Label,
        label: 'What is wrong with this passage?',
        description: 'Optional. The moderators will see it with the passage.',
        component: {
          type: ComponentType.TextInput,
          custom_id: REASON_INPUT,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: REASON_MAX,
        },
      },
    ],
  };
}
