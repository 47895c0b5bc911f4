import { componentMessage, interactionChannel, webhookMessageFields } from './interaction-messages.js';
import type { InteractionRecord } from './interaction-store.js';
import { MessageFlag } from './message-store.js';
import { clone, isRecord, type RouteContext } from './route-context.js';
import { apiError, ErrorCode, json, noContent } from './router.js';
import type { Json, RouteReply } from './types.js';

/** Interaction response types. */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  PremiumRequired: 10,
  LaunchActivity: 12,
} as const;

const ACCEPTED: readonly number[] = Object.values(CallbackType);

function createOriginal(context: RouteContext, record: InteractionRecord, data: Json): Json {
  const fields = webhookMessageFields(context, record);
  if (record.type === 2) fields.type = 20;
  const channel = interactionChannel(context, record);
  const message = context.messages.create(
    channel,
    context.world.botUser,
    data,
    context.request.files,
    fields,
  );
  record.originalMessageId = message.id as string;
  return message;
}

/** Applies the callback to the emulated messages; returns the resulting message, if any. */
function applyCallback(
  context: RouteContext,
  record: InteractionRecord,
  type: number,
  data: Json,
): Json | undefined {
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
      return createOriginal(context, record, data);
    case CallbackType.DeferredChannelMessageWithSource: {
      const flags = (Number(data.flags ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading;
      return createOriginal(context, record, { content: '', flags });
    }
    case CallbackType.DeferredUpdateMessage:
    case CallbackType.UpdateMessage: {
      const message = componentMessage(context, record);
      if (!message) return undefined;
      record.originalMessageId = message.id as string;
      if (type === CallbackType.DeferredUpdateMessage) return undefined;
      return context.messages.edit(message.id as string, data, context.request.files);
    }
    default:
      return undefined;
  }
}

function validate(
  context: RouteContext,
  record: InteractionRecord | undefined,
  type: unknown,
): RouteReply | null {
  const { token } = context.request.params;
  if (!record || record.token !== token)
    return apiError(404, 'Unknown interaction', ErrorCode.UnknownInteraction);
  const deadline = context.callbackDeadlineMs;
  if (deadline !== null && Date.now() - record.createdAt > deadline) {
    return apiError(404, 'Unknown interaction', ErrorCode.UnknownInteraction);
  }
  if (record.callbacks.length > 0) {
    return apiError(
      400,
      'Interaction has already been acknowledged.',
      ErrorCode.InteractionAlreadyAcknowledged,
    );
  }
  if (typeof type !== 'number' || !ACCEPTED.includes(type)) {
    return apiError(400, 'Invalid Form Body', ErrorCode.InvalidFormBody);
  }
  const autocomplete = type === CallbackType.ApplicationCommandAutocompleteResult;
  if (autocomplete !== (record.type === 4))
    return apiError(400, 'Invalid Form Body', ErrorCode.InvalidFormBody);
  return null;
}

/** POST /interactions/{id}/{token}/callback */
export function interactionCallback(context: RouteContext): RouteReply {
  const record = context.interactions.find(context.request.params.interactionId ?? '');
  const type = context.body.type;
  const invalid = validate(context, record, type);
  if (invalid || !record || typeof type !== 'number') return invalid ?? apiError(500, 'unreachable', 0);
  const data = isRecord(context.body.data) ? context.body.data : undefined;
  const message = applyCallback(context, record, type, data ?? {});
  record.callbacks.push({
    type,
    data,
    files: context.request.files,
    time: Date.now(),
    request: context.request,
  });
  if (context.request.query.with_response !== 'true') return noContent();
  const flags = Number(message?.flags ?? 0);
  return json({
    interaction: {
      id: record.id,
      type: record.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: message ? (flags & MessageFlag.Loading) !== 0 : null,
      response_message_ephemeral: message ? (flags & MessageFlag.Ephemeral) !== 0 : null,
    },
    resource: message ? { type, message: clone(message) } : { type },
  });
}
