import type { Json, RecordedFile, RecordedRequest } from './types.js';

/** One response callback (POST /interactions/{id}/{token}/callback) the bot made. */
export interface CallbackRecord {
  /** Interaction response type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Json | undefined;
  files: RecordedFile[];
  time: number;
  request: RecordedRequest;
}

/** An interaction dispatched to the bot and what the bot did with it. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: Json;
  channelId: string | null;
  user: Json | undefined;
  createdAt: number;
  callbacks: CallbackRecord[];
  /** Message behind `@original` (the reply, or the component's message after type 6/7). */
  originalMessageId: string | null;
  followUpIds: string[];
  /** The message a component or modal submit was used on. */
  componentMessageId: string | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Interactions by id and by token. */
export class InteractionStore {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  /** Registers an INTERACTION_CREATE payload; payloads without a string id and token are ignored. */
  register(payload: Json): InteractionRecord | undefined {
    const id = str(payload.id);
    const token = str(payload.token);
    if (id === null || token === null) return undefined;
    const member = payload.member as Json | undefined;
    const message = payload.message as Json | undefined;
    const record: InteractionRecord = {
      id,
      token,
      type: typeof payload.type === 'number' ? payload.type : 0,
      payload,
      channelId: str(payload.channel_id) ?? str((payload.channel as Json | undefined)?.id),
      user: (member?.user ?? payload.user) as Json | undefined,
      createdAt: Date.now(),
      callbacks: [],
      originalMessageId: null,
      followUpIds: [],
      componentMessageId: str(message?.id),
    };
    this.#byId.set(id, record);
    this.#byToken.set(token, record);
    return record;
  }

  /** Finds an interaction by id or token. */
  find(idOrToken: string): InteractionRecord | undefined {
    return this.#byId.get(idOrToken) ?? this.#byToken.get(idOrToken);
  }

  /** Every registered interaction, in dispatch order. */
  all(): InteractionRecord[] {
    return [...this.#byId.values()];
  }
}
