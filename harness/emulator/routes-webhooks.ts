import { interactionChannel, webhookMessageFields } from './interaction-messages.js';
import type { InteractionRecord } from './interaction-store.js';
import { MessageFlag } from './message-store.js';
import { clone, type RouteContext } from './route-context.js';
import { apiError, ErrorCode, json, noContent } from './router.js';
import type { Json, RouteReply } from './types.js';

/** The interaction behind `/webhooks/{applicationId}/{token}`, or the 404 to answer. */
function webhookInteraction(context: RouteContext): InteractionRecord | RouteReply {
  const { applicationId, token } = context.request.params;
  const record = context.interactions.find(token ?? '');
  if (applicationId !== context.world.applicationId || !record || record.token !== token) {
    return apiError(404, 'Unknown Webhook', ErrorCode.UnknownWebhook);
  }
  return record;
}

function isReply(value: InteractionRecord | RouteReply): value is RouteReply {
  return 'status' in value;
}

/** The stored message a webhook message path refers to (`@original` or an id this webhook sent). */
function webhookMessage(context: RouteContext, record: InteractionRecord): Json | undefined {
  const messageId = context.request.params.messageId ?? '';
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  const message = id === null ? undefined : context.messages.get(id);
  if (!message) return undefined;
  const own = message.id === record.originalMessageId || record.followUpIds.includes(message.id as string);
  return own || message.webhook_id === context.world.applicationId ? message : undefined;
}

/** POST /webhooks/{app}/{token}: a follow-up (the first one after a deferral replaces the loading message). */
export function createFollowUp(context: RouteContext): RouteReply {
  const record = webhookInteraction(context);
  if (isReply(record)) return record;
  if (record.callbacks.length === 0) return apiError(404, 'Unknown Webhook', ErrorCode.UnknownWebhook);
  const original =
    record.originalMessageId === null ? undefined : context.messages.get(record.originalMessageId);
  let message: Json | undefined;
  if (original && (Number(original.flags ?? 0) & MessageFlag.Loading) !== 0) {
    message = context.messages.edit(original.id as string, context.body, context.request.files);
  } else {
    const extra =
      record.originalMessageId === null ? {} : { original_response_message_id: record.originalMessageId };
    const fields = webhookMessageFields(context, record, extra);
    const channel = interactionChannel(context, record);
    message = context.messages.create(
      channel,
      context.world.botUser,
      context.body,
      context.request.files,
      fields,
    );
    record.followUpIds.push(message.id as string);
  }
  if (context.request.query.wait !== 'true') return noContent();
  return json(clone(message));
}

/** GET /webhooks/{app}/{token}/messages/{id|@original} */
export function getWebhookMessage(context: RouteContext): RouteReply {
  const record = webhookInteraction(context);
  if (isReply(record)) return record;
  const message = webhookMessage(context, record);
  return message ? json(clone(message)) : apiError(404, 'Unknown Message', ErrorCode.UnknownMessage);
}

/** PATCH /webhooks/{app}/{token}/messages/{id|@original} */
export function editWebhookMessage(context: RouteContext): RouteReply {
  const record = webhookInteraction(context);
  if (isReply(record)) return record;
  const message = webhookMessage(context, record);
  if (!message) return apiError(404, 'Unknown Message', ErrorCode.UnknownMessage);
  const edited = context.messages.edit(message.id as string, context.body, context.request.files);
  return json(clone(edited));
}

/** DELETE /webhooks/{app}/{token}/messages/{id|@original} */
export function deleteWebhookMessage(context: RouteContext): RouteReply {
  const record = webhookInteraction(context);
  if (isReply(record)) return record;
  const message = webhookMessage(context, record);
  if (!message) return apiError(404, 'Unknown Message', ErrorCode.UnknownMessage);
  context.messages.delete(message.id as string);
  return noContent();
}
