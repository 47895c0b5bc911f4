import { EmulatorCore } from './emulator-core.js';
import {
  type ChatInputOptions,
  type CommandOption,
  InteractionBuilder,
  type InteractionOptions,
  type ModalOptions,
} from './interaction-builders.js';
import type { CallbackRecord, InteractionRecord } from './interaction-store.js';
import { clone } from './route-context.js';
import type { Json } from './types.js';

/** What an interaction helper returns: enough to find the callback and messages later. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` that was sent. */
  payload: Json;
}

/** An interaction given by its id, its token, or the helper's return value. */
export type InteractionRef = string | { id: string };

function key(ref: InteractionRef): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/** A local Discord (REST + gateway) for driving a real discord.js client; see emulator-core.ts. */
export class DiscordEmulator extends EmulatorCore {
  readonly #builder = new InteractionBuilder(this.world, this.messageStore, this.commandStore);

  /**
   * Sends an interaction payload (built by a helper or by hand) and registers it: over the gateway, or,
   * with `httpTarget` set, as a signed POST to the application's endpoint, whose reply is applied as
   * the interaction's first callback.
   */
  sendInteraction(payload: Json): DispatchedInteraction {
    if (this.httpTarget) this.deliverOverHttp(this.httpTarget, payload);
    else this.dispatch('INTERACTION_CREATE', payload);
    return { id: String(payload.id), token: String(payload.token), payload };
  }

  /** Slash command `name` with flat options (`{name, type, value}`); subcommand(s) via opts. */
  chatInput(
    name: string,
    options: readonly CommandOption[] = [],
    opts: ChatInputOptions = {},
  ): DispatchedInteraction {
    return this.sendInteraction(this.#builder.chatInput(name, options, opts));
  }

  /** Autocomplete for `name`; the last option is marked focused unless one already is. */
  autocomplete(
    name: string,
    options: readonly CommandOption[],
    opts: ChatInputOptions = {},
  ): DispatchedInteraction {
    return this.sendInteraction(this.#builder.autocomplete(name, options, opts));
  }

  /** A click on button `customId` of `message` (object or stored message id). */
  button(customId: string, message: Json | string, opts: InteractionOptions = {}): DispatchedInteraction {
    return this.sendInteraction(this.#builder.component(customId, message, 2, {}, opts));
  }

  /** A string select menu choice on `message`. */
  selectMenu(
    customId: string,
    values: string[],
    message: Json | string,
    opts: InteractionOptions = {},
  ): DispatchedInteraction {
    return this.sendInteraction(this.#builder.component(customId, message, 3, { values }, opts));
  }

  /** Message context menu command `name` on `target` (object or stored message id). */
  messageContextMenu(
    name: string,
    target: Json | string,
    opts: InteractionOptions = {},
  ): DispatchedInteraction {
    return this.sendInteraction(this.#builder.messageContextMenu(name, target, opts));
  }

  /** User context menu command `name` on a member payload (e.g. from createMember()). */
  userContextMenu(name: string, targetMember: Json, opts: InteractionOptions = {}): DispatchedInteraction {
    return this.sendInteraction(this.#builder.userContextMenu(name, targetMember, opts));
  }

  /** Submits modal `customId` with text input values by custom id. */
  modalSubmit(
    customId: string,
    fields: Record<string, string>,
    opts: ModalOptions = {},
  ): DispatchedInteraction {
    return this.sendInteraction(this.#builder.modalSubmit(customId, fields, opts));
  }

  /** The emulator's record of an interaction. */
  interaction(ref: InteractionRef): InteractionRecord | undefined {
    return this.interactionStore.find(key(ref));
  }

  /** Callbacks the bot made for an interaction (type, data), in order. */
  callbacksFor(ref: InteractionRef): CallbackRecord[] {
    return [...(this.interaction(ref)?.callbacks ?? [])];
  }

  /** Resolves with the interaction's first callback; rejects after timeoutMs (default 2 s). */
  waitForCallback(ref: InteractionRef, options: { timeoutMs?: number } = {}): Promise<CallbackRecord> {
    return this.recorder.waitUntil(
      () => this.interaction(ref)?.callbacks[0],
      options.timeoutMs ?? 2000,
      `no callback for interaction ${key(ref)}`,
    );
  }

  /** The current `@original` message of an interaction (after edits), if any. */
  originalMessage(ref: InteractionRef): Json | undefined {
    const id = this.interaction(ref)?.originalMessageId;
    const message = id ? this.messageStore.get(id) : undefined;
    return message ? clone(message) : undefined;
  }

  /** Current follow-up messages of an interaction (deleted ones omitted). */
  followUpsFor(ref: InteractionRef): Json[] {
    const ids = this.interaction(ref)?.followUpIds ?? [];
    return ids.flatMap((id) => {
      const message = this.messageStore.get(id);
      return message ? [clone(message)] : [];
    });
  }

  /** Original (first, if any) and follow-ups, each in its final state after edits. */
  messagesFor(ref: InteractionRef): Json[] {
    const original = this.originalMessage(ref);
    return [...(original ? [original] : []), ...this.followUpsFor(ref)];
  }

  /** Resolves with messagesFor(ref) once `predicate` accepts it; rejects after timeoutMs (default 2 s). */
  waitForMessages(
    ref: InteractionRef,
    predicate: (messages: Json[]) => boolean,
    options: { timeoutMs?: number } = {},
  ): Promise<Json[]> {
    return this.recorder.waitUntil(
      () => {
        const messages = this.messagesFor(ref);
        return predicate(messages) ? messages : undefined;
      },
      options.timeoutMs ?? 2000,
      `messages of interaction ${key(ref)} never matched: ${JSON.stringify(this.messagesFor(ref)).slice(0, 500)}`,
    );
  }
}
