/**
 * A local Discord (REST under /api/v10 + WebSocket gateway) on 127.0.0.1 for end-to-end tests that drive
 * a real discord.js client: start() it, point the client at `rest: { api: emulator.apiUrl }`, log in with
 * `emulator.token`, then dispatch interactions (chatInput, button, ...) and assert on the recorded
 * requests, callbacksFor() and messagesFor().
 */
export { DiscordEmulator, type DispatchedInteraction, type InteractionRef } from './emulator.js';
export type { DiscordEmulatorOptions, PostMessageOptions } from './emulator-core.js';
export type { DenyOptions, FaultHandle, FaultOptions, RateLimitOptions } from './faults.js';
export { GatewayOp, type ReceivedFrame } from './gateway.js';
export {
  applicationKeys,
  type HttpDeliveryResult,
  type HttpTarget,
  postSigned,
  type SignedRequestOptions,
} from './http-delivery.js';
export {
  type ChatInputOptions,
  type CommandOption,
  InteractionKind,
  type InteractionOptions,
  type ModalOptions,
} from './interaction-builders.js';
export type { CallbackRecord, InteractionRecord } from './interaction-store.js';
export { type AttachmentPayload, MessageFlag } from './message-store.js';
export { ChannelKind } from './payloads.js';
export {
  BOT_PERMISSIONS,
  combine,
  EVERYONE_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  Permission,
} from './permissions.js';
export type { WaitOptions } from './recorder.js';
export { ErrorCode } from './router.js';
export { EmulatorRoutes } from './routes.js';
export { CallbackType } from './routes-interactions.js';
export { DISCORD_EPOCH, snowflake, snowflakeTimestamp } from './snowflake.js';
export type { Json, RecordedFile, RecordedRequest, RequestMatcher } from './types.js';
export type { MemberOptions, RoleIds } from './world.js';
