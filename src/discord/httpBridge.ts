import {
  type Client,
  DefaultRestOptions,
  type Guild,
  type Interaction,
  InteractionResponseType,
  InteractionType,
  type RESTOptions,
  type ResponseLike,
} from 'discord.js';
import type { Log } from '../log/log.js';

/** Past this without a first response, the bridge defers for the handler: Discord's limit is 3 s. */
export const AUTO_DEFER_MS = 2500;

type RawInteraction = { id: string; type: number } & Record<string, unknown>;
type RequestInit = Parameters<RESTOptions['makeRequest']>[1];

const EPHEMERAL = 64;
const CALLBACK = /\/interactions\/([0-9]+)\/[^/]+\/callback(?:\?(.*))?$/;

/**
 * The first response an interaction gets when its handler has not answered in time: choices for
 * autocomplete (none), a deferred update for a component (its message is then edited), a private
 * deferral otherwise (private, because what the handler will say is not known yet).
 */
function deferralFor(raw: RawInteraction): { type: number; data?: unknown } {
  if (raw.type === InteractionType.ApplicationCommandAutocomplete)
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  if (
    raw.type === InteractionType.MessageComponent ||
    (raw.type === InteractionType.ModalSubmit && raw.message)
  )
    return { type: InteractionResponseType.DeferredMessageUpdate };
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } };
}

/** What discord.js is told a callback returned: nothing, or (with_response) the callback's own description. */
function callbackResponse(
  raw: RawInteraction,
  body: { type?: unknown },
  withResponse: boolean,
): ResponseLike {
  if (!withResponse) return new Response(null, { status: 204 }) as unknown as ResponseLike;
  const text = JSON.stringify({
    interaction: { id: raw.id, type: raw.type, response_message_id: null },
    resource: { type: body.type },
  });
  return new Response(text, {
    status: 200,
    headers: { 'content-type': 'application/json' },
  }) as unknown as ResponseLike;
}

interface Waiting {
  raw: RawInteraction;
  answer(body: unknown): void;
  interaction?: Interaction;
}

/**
 * Serves interactions that arrive over HTTP with the same discord.js objects, router and send boundary
 * as the gateway: the interaction is built by discord.js from the payload, and its first callback (a
 * reply, a deferral, choices, a modal) is taken off the REST queue and becomes the HTTP reply; every
 * later response goes through REST with the interaction token, as in gateway mode.
 */
export class HttpBridge {
  readonly #waiting = new Map<string, Waiting>();
  #client: Client | null = null;

  constructor(
    private readonly logger: Log,
    private readonly deferAfterMs = AUTO_DEFER_MS,
  ) {}

  /** The REST transport the client is made with: callbacks of waiting interactions stop here. */
  readonly makeRequest = async (url: string, init: RequestInit): Promise<ResponseLike> => {
    const match = CALLBACK.exec(url);
    const waiting = match ? this.#waiting.get(match[1] as string) : undefined;
    if (!match || !waiting || typeof init.body !== 'string') return DefaultRestOptions.makeRequest(url, init);
    this.#waiting.delete(waiting.raw.id);
    const body = JSON.parse(init.body) as { type?: unknown };
    waiting.answer(body);
    return callbackResponse(
      waiting.raw,
      body,
      new URLSearchParams(match[2] ?? '').get('with_response') === 'true',
    );
  };

  /** Starts taking interactions for `client` (made with makeRequest above). */
  attach(client: Client): void {
    this.#client = client;
    // Before the bot's own listener: the bridge must know the object to mark it deferred later.
    client.prependListener('interactionCreate', (interaction) => {
      const waiting = this.#waiting.get(interaction.id);
      if (waiting) waiting.interaction = interaction;
    });
  }

  /** The HTTP reply to one verified interaction: its first response, or a deferral made in time. */
  handle(raw: RawInteraction): Promise<unknown> {
    const client = this.#client;
    if (!client) throw new Error('HttpBridge.attach() was not called');
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#deferInTime(raw.id), this.deferAfterMs);
      this.#waiting.set(raw.id, {
        raw,
        answer: (body) => {
          clearTimeout(timer);
          resolve(body);
        },
      });
      knowGuild(client, raw);
      // discord.js's own gateway path (INTERACTION_CREATE): the same classes, the same event.
      (
        client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }
      ).actions.InteractionCreate.handle(raw);
    });
  }

  #deferInTime(id: string): void {
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    const deferral = deferralFor(waiting.raw);
    // Later responses go where a deferred interaction's go: editReply / followUp through REST.
    const interaction = waiting.interaction as
      | { deferred?: boolean; ephemeral?: boolean; responded?: boolean }
      | undefined;
    if (interaction) {
      if (deferral.type === InteractionResponseType.ApplicationCommandAutocompleteResult)
        interaction.responded = true;
      else {
        interaction.deferred = true;
        if (deferral.type === InteractionResponseType.DeferredChannelMessageWithSource)
          interaction.ephemeral = true;
      }
    }
    this.logger.warn({ interactionId: id }, 'no first response in time; deferred for the handler');
    waiting.answer(deferral);
  }

  /** Interactions still waiting for their first response (for a drain at shutdown). */
  get waiting(): number {
    return this.#waiting.size;
  }
}

type Adder = { _add(data: unknown, cache?: boolean): unknown };

/**
 * Without a gateway the client has no guilds: a guild known by id, with the member's roles known by id
 * (no permissions of their own: the interaction carries the member's computed ones), lets discord.js
 * build the interaction's channel and member (its roles, for MODERATOR_ROLE_IDS) from the payload, as
 * it does from the gateway's caches.
 */
function knowGuild(client: Client, raw: RawInteraction): void {
  const guildId = raw.guild_id;
  if (typeof guildId !== 'string') return;
  const guild =
    client.guilds.cache.get(guildId) ??
    ((client.guilds as unknown as Adder)._add({ id: guildId, channels: [] }, true) as Guild);
  const roles = (raw.member as { roles?: unknown } | undefined)?.roles;
  const ids = [
    guildId,
    ...(Array.isArray(roles) ? roles.filter((id): id is string => typeof id === 'string') : []),
  ];
  for (const id of ids)
    if (!guild.roles.cache.has(id))
      (guild.roles as unknown as Adder)._add({ id, name: '', position: 0, permissions: '0', flags: 0 });
}
