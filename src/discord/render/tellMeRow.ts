import { ButtonStyle, ComponentType } from 'discord.js';
import { idFamily } from '../idFamily.js';
import type { MessagePayload } from '../send/payload.js';

const QUESTION_ID = /^[1-9]\d{0,15}$/;

/** "Tell me when this is covered": the kept question's id (GapStore) is all the button carries. */
export const TELL_ME = idFamily<{ questionId: number }>('tell-me', 1, {
  encode: ({ questionId }) => [questionId],
  decode: ([id, ...rest]) =>
    id !== undefined && QUESTION_ID.test(id) && rest.length === 0 ? { questionId: Number(id) } : undefined,
});

export const TELL_ME_LABEL = 'Tell me when this is covered';

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
            custom_id: TELL_ME.build({ questionId }),
          },
        ],
      },
    ],
  };
}
