import { randomBytes } from 'node:crypto';
import type { CommandStore } from './command-store.js';
import type { MessageStore } from './message-store.js';
import { clone, isRecord } from './route-context.js';
import { snowflake } from './snowflake.js';
import type { Json } from './types.js';
import type { World } from './world.js';

/** A command option as a test writes it (flat; subcommands go in ChatInputOptions). */
export interface CommandOption {
  name: string;
  /** Option type: 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 10 number, 11 attachment. */
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

/** Where and by whom an interaction happens. */
export interface InteractionOptions {
  /** Interaction member (default: the plain member preset). */
  member?: Json;
  /** Invoke from the bot's DMs: `user` instead of `member`, a DM channel, context 1. */
  dm?: boolean;
  /** DM user (default: the member's user). */
  user?: Json;
  /** Channel (default: the guild's text channel, or the message's channel for components). */
  channelId?: string;
  locale?: string;
  appPermissions?: bigint;
  /** Top-level fields merged last (may also delete fields by setting them to undefined). */
  overrides?: Json;
}

/** Options of chat-input and autocomplete interactions. */
export interface ChatInputOptions extends InteractionOptions {
  subcommand?: string;
  subcommandGroup?: string;
  /** Merged into `data.resolved` (attachments, users and channels given as option values are resolved). */
  resolved?: Json;
  commandId?: string;
}

/** Options of modal submits. */
export interface ModalOptions extends InteractionOptions {
  /** The message whose component opened the modal. */
  message?: Json | string;
}

/** Interaction types. */
export const InteractionKind = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

function toApiOption(option: CommandOption): Json {
  const api: Json = { name: option.name, type: option.type };
  if (option.value !== undefined) api.value = option.value;
  if (option.focused) api.focused = true;
  if (option.options) api.options = option.options.map(toApiOption);
  return api;
}

function flatten(options: readonly CommandOption[]): CommandOption[] {
  return options.flatMap((o) => [o, ...flatten(o.options ?? [])]);
}

/** Builds valid INTERACTION_CREATE payloads for the emulated guild. */
export class InteractionBuilder {
  readonly #world: World;
  readonly #messages: MessageStore;
  readonly #commands: CommandStore;

  constructor(world: World, messages: MessageStore, commands: CommandStore) {
    this.#world = world;
    this.#messages = messages;
    this.#commands = commands;
  }

  /** The common envelope: ids, token, guild/channel/member or DM user/channel, permissions, locale. */
  base(type: number, data: Json, options: InteractionOptions, defaultChannelId?: string): Json {
    const world = this.#world;
    const member = clone(options.member ?? world.members.plain);
    const user = (options.user ?? member.user) as Json;
    const payload: Json = {
      id: snowflake(),
      application_id: world.applicationId,
      type,
      token: randomBytes(48).toString('base64url'),
      version: 1,
      data,
      app_permissions: (options.appPermissions ?? world.botPermissions).toString(),
      locale: options.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (options.dm) {
      const channel = clone(world.dmChannelFor(user));
      Object.assign(payload, { user, channel, channel_id: channel.id, context: 1 });
      payload.authorizing_integration_owners = { '0': '0' };
    } else {
      const roles = Array.isArray(member.roles) ? (member.roles as string[]) : [];
      member.permissions ??= world.permissionsFor(roles).toString();
      const channelId = options.channelId ?? defaultChannelId ?? world.channelId;
      const known = world.channels.get(channelId);
      const channel = known
        ? clone(known)
        : { id: channelId, type: 0, guild_id: world.guildId, name: 'unknown' };
      channel.permissions = member.permissions;
      Object.assign(payload, {
        guild_id: world.guildId,
        guild: { id: world.guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel_id: channelId,
        channel,
        member,
        context: 0,
        authorizing_integration_owners: { '0': world.guildId },
      });
    }
    return { ...payload, ...options.overrides };
  }

  #resolveOptions(options: readonly CommandOption[], extra: Json | undefined): Json | undefined {
    const resolved: Record<string, Json> = {};
    const add = (kind: string, id: string, value: Json): void => {
      resolved[kind] = { ...resolved[kind], [id]: value };
    };
    for (const option of flatten(options)) {
      const id = String(option.value);
      const attachment = option.type === 11 ? this.#messages.attachmentPayload(id) : undefined;
      if (attachment) add('attachments', id, attachment);
      const user = option.type === 6 ? this.#world.users.get(id) : undefined;
      if (user) add('users', id, clone(user));
      const channel = option.type === 7 ? this.#world.channels.get(id) : undefined;
      if (channel) add('channels', id, clone(channel));
    }
    for (const [kind, values] of Object.entries(extra ?? {})) {
      if (isRecord(values)) resolved[kind] = { ...resolved[kind], ...values };
    }
    return Object.keys(resolved).length > 0 ? resolved : undefined;
  }

  #commandData(name: string, options: readonly CommandOption[], opts: ChatInputOptions): Json {
    let apiOptions = options.map(toApiOption);
    if (opts.subcommand) apiOptions = [{ type: 1, name: opts.subcommand, options: apiOptions }];
    if (opts.subcommandGroup) apiOptions = [{ type: 2, name: opts.subcommandGroup, options: apiOptions }];
    const data: Json = { id: opts.commandId ?? this.#commands.idFor(name), name, type: 1 };
    if (apiOptions.length > 0) data.options = apiOptions;
    const resolved = this.#resolveOptions(options, opts.resolved);
    if (resolved) data.resolved = resolved;
    return data;
  }

  /** A slash command (type 2, data.type 1). */
  chatInput(name: string, options: readonly CommandOption[] = [], opts: ChatInputOptions = {}): Json {
    return this.base(InteractionKind.Command, this.#commandData(name, options, opts), opts);
  }

  /** An autocomplete request (type 4); the last option is focused unless one already is. */
  autocomplete(name: string, options: readonly CommandOption[], opts: ChatInputOptions = {}): Json {
    const focused = flatten(options).some((o) => o.focused);
    const last = options.length - 1;
    const marked = options.map((o, i) => (!focused && i === last ? { ...o, focused: true } : o));
    return this.base(InteractionKind.Autocomplete, this.#commandData(name, marked, opts), opts);
  }

  /** A stored copy of a message given as object or id (objects not yet stored are stored). */
  message(message: Json | string): Json {
    if (typeof message === 'string') {
      const stored = this.#messages.get(message);
      if (!stored) throw new Error(`Unknown message ${message}: post or store it first`);
      return stored;
    }
    return this.#messages.get(message.id as string) ?? this.#messages.put(clone(message));
  }

  /** A component interaction (type 3) on `message`: a button by default. */
  component(
    customId: string,
    message: Json | string,
    componentType: number,
    extra: Json,
    opts: InteractionOptions,
  ): Json {
    const stored = this.message(message);
    const data = { custom_id: customId, component_type: componentType, ...extra };
    const payload = this.base(InteractionKind.Component, data, opts, stored.channel_id as string);
    return { ...payload, message: clone(stored), ...opts.overrides };
  }

  /** A message context menu command (type 2, data.type 3) targeting `target`. */
  messageContextMenu(name: string, target: Json | string, opts: InteractionOptions = {}): Json {
    const stored = this.message(target);
    const id = stored.id as string;
    const data = {
      id: this.#commands.idFor(name, 3),
      name,
      type: 3,
      target_id: id,
      resolved: { messages: { [id]: clone(stored) } },
    };
    return this.base(InteractionKind.Command, data, opts, stored.channel_id as string);
  }

  /** A user context menu command (type 2, data.type 2) targeting a member payload. */
  userContextMenu(name: string, targetMember: Json, opts: InteractionOptions = {}): Json {
    const user = targetMember.user as Json;
    const { user: _omit, permissions: _perm, ...member } = targetMember;
    const id = user.id as string;
    const data = {
      id: this.#commands.idFor(name, 2),
      name,
      type: 2,
      target_id: id,
      resolved: { users: { [id]: clone(user) }, members: { [id]: clone(member) } },
    };
    return this.base(InteractionKind.Command, data, opts);
  }

  /** A modal submit (type 5) with text inputs `{customId: value}` in action rows. */
  modalSubmit(customId: string, fields: Record<string, string>, opts: ModalOptions = {}): Json {
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    const data = { custom_id: customId, components };
    if (opts.message === undefined) return this.base(InteractionKind.ModalSubmit, data, opts);
    const stored = this.message(opts.message);
    const payload = this.base(InteractionKind.ModalSubmit, data, opts, stored.channel_id as string);
    return { ...payload, message: clone(stored), ...opts.overrides };
  }
}
