import { ButtonStyle, ComponentType } from 'discord.js';
import { tellMeId } from '../buttons/tellMeId.js';
import type { MessagePayload } from '../send/payload.js';

const TELL_ME_LABEL = 'Tell me when this is covered';

/** A "not found" reply with the Tell me button under it. */
export function withTellMe(payload: MessagePayload, questionId: number): MessagePayload {
  return {
    ...payload,
    components: [
      ...(payload.components ?? []),
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: TELL_ME_LABEL,
            custom_id: tellMeId.build({ questionId }),
          },
        ],
      },
    ],
  };
}
