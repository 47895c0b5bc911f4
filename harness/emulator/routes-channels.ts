import { MessageFlag } from './message-store.js';
import { ChannelKind, TEXT_CHANNEL_TYPES, userPayload } from './payloads.js';
import { clone, type RouteContext } from './route-context.js';
import { apiError, ErrorCode, json, noContent } from './router.js';
import type { Json, RouteReply } from './types.js';

const unknownChannel = (): RouteReply => apiError(404, 'Unknown Channel', ErrorCode.UnknownChannel);
const unknownMessage = (): RouteReply => apiError(404, 'Unknown Message', ErrorCode.UnknownMessage);

function channelOf(context: RouteContext): Json | undefined {
  return context.world.channels.get(context.request.params.channelId ?? '');
}

function messageOf(context: RouteContext, channel: Json): Json | undefined {
  const message = context.messages.get(context.request.params.messageId ?? '');
  return message?.channel_id === channel.id ? message : undefined;
}

function isTextChannel(channel: Json): boolean {
  return TEXT_CHANNEL_TYPES.includes(Number(channel.type));
}

/** GET /channels/{c} */
export function getChannel(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  return channel ? json(clone(channel)) : unknownChannel();
}

/** POST /users/@me/channels `{recipient_id}`: the DM channel with a user, created on first use. */
export function createDm(context: RouteContext): RouteReply {
  const id = context.body.recipient_id;
  if (typeof id !== 'string' || !/^\d{17,20}$/.test(id))
    return apiError(400, 'Invalid Form Body', ErrorCode.InvalidFormBody);
  const user = context.world.users.get(id) ?? userPayload(id, `user-${id}`);
  context.world.users.set(id, user);
  return json(clone(context.world.dmChannelFor(user)));
}

/** POST /channels/{c}/messages (to a user whose DMs are closed: 403 code 50007, as Discord answers) */
export function createMessage(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel || !isTextChannel(channel)) return unknownChannel();
  const recipient = context.world.dmRecipientOf(channel);
  if (recipient !== undefined && context.world.dmsClosed.has(recipient))
    return apiError(403, 'Cannot send messages to this user', ErrorCode.CannotSendMessagesToThisUser);
  const message = context.messages.create(
    channel,
    context.world.botUser,
    context.body,
    context.request.files,
  );
  return json(clone(message));
}

/** GET /channels/{c}/messages (newest first, `limit` default 50) */
export function listMessages(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel) return unknownChannel();
  const limit = Number(context.request.query.limit ?? 50);
  return json(
    clone(
      context.messages
        .inChannel(channel.id as string)
        .reverse()
        .slice(0, limit),
    ),
  );
}

/** GET /channels/{c}/messages/{m} */
export function getMessage(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel) return unknownChannel();
  const message = messageOf(context, channel);
  return message ? json(clone(message)) : unknownMessage();
}

/** PATCH /channels/{c}/messages/{m} */
export function editMessage(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel) return unknownChannel();
  const message = messageOf(context, channel);
  if (!message) return unknownMessage();
  return json(clone(context.messages.edit(message.id as string, context.body, context.request.files)));
}

/** DELETE /channels/{c}/messages/{m} */
export function deleteMessage(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel) return unknownChannel();
  const message = messageOf(context, channel);
  if (!message) return unknownMessage();
  context.messages.delete(message.id as string);
  return noContent();
}

function threadName(context: RouteContext): string {
  return typeof context.body.name === 'string' ? context.body.name : 'thread';
}

function autoArchive(context: RouteContext, thread: Json): void {
  const duration = context.body.auto_archive_duration;
  const metadata = thread.thread_metadata as Json;
  if (typeof duration === 'number') metadata.auto_archive_duration = duration;
}

/** POST /channels/{c}/messages/{m}/threads: a thread whose id is the message id, announced by THREAD_CREATE. */
export function startThreadFromMessage(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  const parentTypes: readonly number[] = [ChannelKind.GuildText, ChannelKind.GuildAnnouncement];
  if (!channel || !parentTypes.includes(Number(channel.type))) return unknownChannel();
  const message = messageOf(context, channel);
  if (!message) return unknownMessage();
  if (context.world.channels.has(message.id as string)) {
    return apiError(
      400,
      'A thread has already been created for this message',
      ErrorCode.ThreadAlreadyCreated,
    );
  }
  const type =
    channel.type === ChannelKind.GuildAnnouncement
      ? ChannelKind.AnnouncementThread
      : ChannelKind.PublicThread;
  const thread = context.world.addThread(
    threadName(context),
    channel.id as string,
    type,
    message.id as string,
  );
  autoArchive(context, thread);
  message.thread = clone(thread);
  message.flags = Number(message.flags ?? 0) | MessageFlag.HasThread;
  context.announce('THREAD_CREATE', { ...clone(thread), newly_created: true });
  return json(clone(thread), 201);
}

/** POST /channels/{c}/threads: a thread without a starter message (private unless `type` says otherwise). */
export function startThread(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  if (!channel || channel.guild_id === undefined || 'thread_metadata' in channel) return unknownChannel();
  const type = typeof context.body.type === 'number' ? context.body.type : ChannelKind.PrivateThread;
  const thread = context.world.addThread(threadName(context), channel.id as string, type);
  autoArchive(context, thread);
  context.announce('THREAD_CREATE', { ...clone(thread), newly_created: true });
  return json(clone(thread), 201);
}

/** POST /channels/{c}/typing */
export function typing(context: RouteContext): RouteReply {
  return channelOf(context) ? noContent() : unknownChannel();
}

/** PUT /channels/{c}/thread-members/@me */
export function joinThread(context: RouteContext): RouteReply {
  const channel = channelOf(context);
  return channel && 'thread_metadata' in channel ? noContent() : unknownChannel();
}
