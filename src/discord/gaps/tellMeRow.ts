import { ButtonStyle } from 'discord-api-types/v10';
import { tellMeId } from '../customIds.js';
import { actionButton, buttonRow } from '../render/buttonRow.js';
import type { MessagePayload } from '../send/payload.js';

const TELL_ME_LABEL = 'Tell me when this is covered';

/** A "not found" reply with the Tell me button under it. */
export function withTellMe(payload: MessagePayload, questionId: number): MessagePayload {
  return {
    ...payload,
    components: [
      ...(payload.components ?? []),
      buttonRow(actionButton(tellMeId.build({ questionId }), TELL_ME_LABEL, ButtonStyle.Primary)),
    ],
  };
}
