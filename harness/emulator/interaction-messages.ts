import type { InteractionRecord } from './interaction-store.js';
import { isRecord, type RouteContext } from './route-context.js';
import { snowflake } from './snowflake.js';
import type { Json } from './types.js';

/** The channel an interaction happened in (a stand-in object when the emulator does not know it). */
export function interactionChannel(context: RouteContext, record: InteractionRecord): Json {
  const known = record.channelId === null ? undefined : context.world.channels.get(record.channelId);
  return known ?? { id: record.channelId ?? snowflake() };
}

/** `interaction_metadata` for messages sent in response to an interaction. */
export function interactionMetadata(record: InteractionRecord, extra: Json = {}): Json {
  const data = isRecord(record.payload.data) ? record.payload.data : {};
  const metadata: Json = {
    id: record.id,
    type: record.type,
    user: record.user,
    authorizing_integration_owners: record.payload.authorizing_integration_owners ?? {},
    ...extra,
  };
  if (record.type === 2) {
    metadata.name = data.name;
    metadata.command_type = data.type;
  }
  if (record.componentMessageId !== null) metadata.interacted_message_id = record.componentMessageId;
  return metadata;
}

/** Fields every message sent through the interaction webhook carries. */
export function webhookMessageFields(
  context: RouteContext,
  record: InteractionRecord,
  extra: Json = {},
): Json {
  const data = isRecord(record.payload.data) ? record.payload.data : {};
  const fields: Json = {
    webhook_id: context.world.applicationId,
    application_id: context.world.applicationId,
    interaction_metadata: interactionMetadata(record, extra),
  };
  if (record.type === 2) {
    fields.interaction = { id: record.id, type: record.type, name: data.name, user: record.user };
  }
  return fields;
}

/** The message a component (or a modal opened from one) was used on, stored on first use. */
export function componentMessage(context: RouteContext, record: InteractionRecord): Json | undefined {
  if (record.componentMessageId === null) return undefined;
  const stored = context.messages.get(record.componentMessageId);
  if (stored) return stored;
  const raw = record.payload.message;
  return isRecord(raw) ? context.messages.put(structuredClone(raw)) : undefined;
}
