import type {
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  MessageCreateOptions,
  MessageReplyOptions,
} from 'discord.js';
import { MessageFlags } from 'discord-api-types/v10';
import { fitMessage, type MessagePayload } from './payload.js';

/** The fitted content, embeds and components; keys the payload leaves out stay out (an edit keeps them). */
function body(payload: MessagePayload): Pick<MessagePayload, 'content' | 'embeds' | 'components'> {
  const { content, embeds, components } = fitMessage(payload);
  return {
    ...(content === undefined ? {} : { content }),
    ...(embeds === undefined ? {} : { embeds }),
    ...(components === undefined ? {} : { components }),
  };
}

function replyFlags(payload: MessagePayload): Pick<InteractionReplyOptions, 'flags'> {
  const flags = [
    ...(payload.ephemeral ? [MessageFlags.Ephemeral as const] : []),
    ...(payload.suppressEmbeds ? [MessageFlags.SuppressEmbeds as const] : []),
  ];
  if (flags.length === 0) return {};
  return { flags: flags.length === 1 ? flags[0] : flags };
}

/** Edits and channel messages cannot be ephemeral: only embed suppression carries over. */
function suppressFlag(payload: MessagePayload): { flags?: MessageFlags.SuppressEmbeds } {
  return payload.suppressEmbeds ? { flags: MessageFlags.SuppressEmbeds } : {};
}

/** For `reply` and `followUp`. */
export function replyOptions(payload: MessagePayload): InteractionReplyOptions {
  return { ...body(payload), allowedMentions: { parse: [] }, ...replyFlags(payload) };
}

/** For `editReply` and `update`. */
export function editOptions(payload: MessagePayload): InteractionEditReplyOptions {
  return { ...body(payload), allowedMentions: { parse: [] }, ...suppressFlag(payload) };
}

export function channelOptions(payload: MessagePayload): MessageCreateOptions {
  return { ...body(payload), allowedMentions: { parse: [] }, ...suppressFlag(payload) };
}

/** A reply to a member's message does not ping them either. */
export function messageReplyOptions(payload: MessagePayload): MessageReplyOptions {
  return { ...body(payload), allowedMentions: { parse: [], repliedUser: false }, ...suppressFlag(payload) };
}
