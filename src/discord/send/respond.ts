import type {
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
  MessageCreateOptions,
  MessageEditOptions,
  MessageReplyOptions,
} from 'discord.js';
import { fitModal, type ModalPayload } from './modal.js';
import { channelOptions, editOptions, messageReplyOptions, replyOptions } from './options.js';
import { type Choice, fitChoices, type MessagePayload } from './payload.js';

/*
 * The only way anything reaches Discord. Every helper fits the payload to Discord's limits and turns
 * mentions off. The parameter types name just the methods used, so discord.js objects and small test
 * fakes both fit; `M` is whatever message type the object hands back.
 */

/** What `reply` and `update` resolve to with `withResponse: true`. */
export interface CallbackResponse<M> {
  resource: { message: M | null } | null;
}

export interface RepliableInteraction<M> {
  readonly deferred: boolean;
  readonly replied: boolean;
  reply(options: InteractionReplyOptions & { withResponse: true }): Promise<CallbackResponse<M>>;
  editReply(options: InteractionEditReplyOptions): Promise<M>;
  followUp(options: InteractionReplyOptions): Promise<M>;
}

export interface UpdatableInteraction<M> {
  readonly deferred: boolean;
  readonly replied: boolean;
  update(options: InteractionUpdateOptions & { withResponse: true }): Promise<CallbackResponse<M>>;
  editReply(options: InteractionEditReplyOptions): Promise<M>;
}

export interface SendableChannel {
  send(options: MessageCreateOptions): Promise<unknown>;
}

export interface EditableChannel {
  messages: { edit(messageId: string, options: MessageEditOptions): Promise<unknown> };
}

export interface ReplyableMessage {
  reply(options: MessageReplyOptions): Promise<unknown>;
}

export interface ModalOpener {
  showModal(modal: ModalPayload): Promise<unknown>;
}

export interface ChoiceResponder {
  respond(choices: Choice[]): Promise<void>;
}

async function firstReply<M>(
  interaction: RepliableInteraction<M>,
  payload: MessagePayload,
): Promise<M | null> {
  const response = await interaction.reply({ ...replyOptions(payload), withResponse: true });
  return response.resource?.message ?? null;
}

/** Answers an interaction: the first reply, the edit of a deferred reply, or a follow-up after that. */
export async function respond<M>(
  interaction: RepliableInteraction<M>,
  payload: MessagePayload,
): Promise<M | null> {
  if (interaction.deferred && !interaction.replied) return interaction.editReply(editOptions(payload));
  if (interaction.replied) return interaction.followUp(replyOptions(payload));
  return firstReply(interaction, payload);
}

/** A further message; the first reply if nothing was sent yet (a follow-up then would fail). */
export async function followUp<M>(
  interaction: RepliableInteraction<M>,
  payload: MessagePayload,
): Promise<M | null> {
  if (interaction.deferred || interaction.replied) return interaction.followUp(replyOptions(payload));
  return firstReply(interaction, payload);
}

/**
 * Replaces the message a button was clicked on. After `deferUpdate` (or an earlier update) the original
 * response is that message, so it is edited through `editReply`.
 */
export async function update<M>(
  interaction: UpdatableInteraction<M>,
  payload: MessagePayload,
): Promise<M | null> {
  if (interaction.deferred || interaction.replied) return interaction.editReply(editOptions(payload));
  const response = await interaction.update({ ...editOptions(payload), withResponse: true });
  return response.resource?.message ?? null;
}

// Channels and messages often come as unions (guild or DM); typing by the object keeps each one's return.
export function sendToChannel<C extends SendableChannel>(
  channel: C,
  payload: MessagePayload,
): ReturnType<C['send']> {
  return channel.send(channelOptions(payload)) as ReturnType<C['send']>;
}

/** Edits a message the bot posted earlier (outside any interaction). */
export function editChannelMessage(channel: EditableChannel, messageId: string, payload: MessagePayload) {
  return channel.messages.edit(messageId, editOptions(payload) as MessageEditOptions);
}

export function replyToMessage<T extends ReplyableMessage>(
  message: T,
  payload: MessagePayload,
): ReturnType<T['reply']> {
  return message.reply(messageReplyOptions(payload)) as ReturnType<T['reply']>;
}

/** Answers a button with a form; it must be the first response (Discord allows no modal after a reply). */
export async function showModal(interaction: ModalOpener, modal: ModalPayload): Promise<void> {
  await interaction.showModal(fitModal(modal));
}

export function respondChoices(interaction: ChoiceResponder, choices: readonly Choice[]): Promise<void> {
  return interaction.respond(fitChoices(choices));
}
