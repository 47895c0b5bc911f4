import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { LIMITS } from './limits.js';
import { truncateLabel } from './truncate.js';

export type ModalPayload = APIModalInteractionResponseCallbackData;

/** A modal Discord accepts: its title within 45 characters; a custom_id over 100 is our bug, thrown. */
export function fitModal(modal: ModalPayload): ModalPayload {
  if (modal.custom_id.length === 0 || modal.custom_id.length > LIMITS.customId)
    throw new Error(`modal custom_id must be 1 to ${LIMITS.customId} characters: "${modal.custom_id}"`);
  return { ...modal, title: truncateLabel(modal.title, LIMITS.modalTitle, 'Form') };
}
