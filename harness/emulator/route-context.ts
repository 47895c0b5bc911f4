import type { CommandStore } from './command-store.js';
import type { InteractionStore } from './interaction-store.js';
import type { MessageStore } from './message-store.js';
import type { Json, RecordedRequest, RouteReply } from './types.js';
import type { World } from './world.js';

/** Everything a route handler may read or change. */
export interface RouteContext {
  request: RecordedRequest;
  /** The JSON body when it is an object, else `{}`. */
  body: Json;
  world: World;
  messages: MessageStore;
  interactions: InteractionStore;
  commands: CommandStore;
  /** The bot token the emulator accepts. */
  token: string;
  /** `ws://127.0.0.1:PORT/gateway`. */
  gatewayUrl: string;
  /** Reject interaction callbacks arriving later than this after dispatch (null: never). */
  callbackDeadlineMs: number | null;
  /** Sends a gateway dispatch to connected clients (no-op when none). */
  announce(event: string, data: Json): void;
}

/** Answers one REST route. */
export type RouteHandler = (context: RouteContext) => RouteReply | Promise<RouteReply>;

/** Narrows an unknown value to a JSON object. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a stored object, safe to hand out. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
