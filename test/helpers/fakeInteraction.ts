import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { PermissionsBitField } from 'discord.js';
import { MessageFlags } from 'discord-api-types/v10';

/*
 * Small stand-ins for discord.js interactions, for in-process tests of the interaction layer. They
 * carry what our code reads (ids, options, the member, the message a button is on) and the response
 * methods src/discord/send/respond.ts names, recording every call; like the real ones, a reply or a
 * deferral flips `replied` / `deferred`, and a second first response throws.
 */

export type SentMethod =
  | 'reply'
  | 'editReply'
  | 'followUp'
  | 'update'
  | 'deferReply'
  | 'deferUpdate'
  | 'showModal'
  | 'respond';

export interface Sent {
  method: SentMethod;
  // biome-ignore lint/suspicious/noExplicitAny: the options discord.js was given, read by assertions
  options: any;
}

/** A moderator as Discord sends one: Manage Server among the permission bits. */
export const MODERATOR = { permissions: String(1n << 5n), roles: [] as string[] };
export const MEMBER = { permissions: '0', roles: [] as string[] };

type Member = { permissions: string; roles: string[] };

export interface Where {
  userId?: string;
  /** null: a DM. */
  guildId?: string | null;
  member?: Member;
  inThread?: boolean;
}

export type OptionValue = string | number | boolean;

let sequence = 0;
const nextId = () => String(1_300_000_000_000_000_000n + BigInt(++sequence));

/** A message as a button sees it: its rows (with discord.js's toJSON) and whether it is private. */
export function fakeMessage(rows: readonly unknown[] = [], ephemeral = false) {
  return {
    id: nextId(),
    components: rows.map((row) => ({ toJSON: () => row })),
    flags: { has: (flag: number) => ephemeral && flag === MessageFlags.Ephemeral },
  };
}

function base<Extra extends object>(
  kind: 'chat' | 'message' | 'autocomplete' | 'button' | 'modal',
  where: Where,
  extra: Extra,
) {
  const sent: Sent[] = [];
  const guildId = where.guildId === undefined ? 'guild-1' : where.guildId;
  const state = { deferred: false, replied: false, responded: false };
  const first = (method: SentMethod) => {
    if (state.deferred || state.replied) throw new Error(`${method} after the interaction was answered`);
  };
  const record = (method: SentMethod, options: unknown) => sent.push({ method, options });
  const interaction = {
    id: nextId(),
    type: { chat: 2, message: 2, autocomplete: 4, button: 3, modal: 5 }[kind],
    user: { id: where.userId ?? '100000000000000001' },
    guildId,
    member: guildId === null ? null : (where.member ?? MEMBER),
    // As discord.js gives it: the member's permissions in the channel, from the payload.
    memberPermissions:
      guildId === null ? null : new PermissionsBitField(BigInt((where.member ?? MEMBER).permissions)),
    channel: { isThread: () => where.inThread ?? false },
    appPermissions: null,
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    get responded() {
      return state.responded;
    },
    inGuild: () => guildId !== null,
    isAutocomplete: () => kind === 'autocomplete',
    isCommand: () => kind === 'chat' || kind === 'message',
    isChatInputCommand: () => kind === 'chat',
    isMessageContextMenuCommand: () => kind === 'message',
    isMessageComponent: () => kind === 'button',
    isButton: () => kind === 'button',
    isModalSubmit: () => kind === 'modal',
    isRepliable: () => kind !== 'autocomplete',
    async reply(options: unknown) {
      first('reply');
      record('reply', options);
      state.replied = true;
      return { resource: { message: { id: nextId() } } };
    },
    async update(options: unknown) {
      first('update');
      record('update', options);
      state.replied = true;
      return { resource: { message: { id: nextId() } } };
    },
    async deferReply(options: unknown) {
      first('deferReply');
      record('deferReply', options);
      state.deferred = true;
    },
    async deferUpdate(options: unknown) {
      first('deferUpdate');
      record('deferUpdate', options);
      state.deferred = true;
    },
    async showModal(options: unknown) {
      first('showModal');
      record('showModal', options);
      state.replied = true;
    },
    async editReply(options: unknown) {
      if (!state.deferred && !state.replied) throw new Error('editReply before any response');
      record('editReply', options);
      state.replied = true;
      return { id: nextId() };
    },
    async followUp(options: unknown) {
      if (!state.deferred && !state.replied) throw new Error('followUp before any response');
      record('followUp', options);
      return { id: nextId() };
    },
    async respond(choices: unknown) {
      if (state.responded) throw new Error('respond twice');
      record('respond', choices);
      state.responded = true;
    },
  };
  // Assigned, not spread: spreading would freeze the deferred / replied getters.
  return { interaction: Object.assign(interaction, extra) as unknown, sent };
}

function optionsOf(values: Record<string, OptionValue | undefined>, subcommand?: string, focused?: string) {
  const get = (name: string, required = false) => {
    const value = values[name];
    if (value === undefined && required) throw new Error(`option ${name} is required`);
    return value ?? null;
  };
  return {
    getString: (name: string, required?: boolean) => get(name, required) as string | null,
    getBoolean: (name: string, required?: boolean) => get(name, required) as boolean | null,
    getInteger: (name: string, required?: boolean) => get(name, required) as number | null,
    getAttachment: () => null,
    getSubcommand: (required?: boolean) => {
      if (subcommand === undefined && required) throw new Error('no subcommand');
      return subcommand ?? null;
    },
    getFocused: (full?: boolean) => {
      const value = String(values[focused ?? ''] ?? '');
      return full ? { name: focused, value } : value;
    },
  };
}

/** A slash command: `/name option:value …`, optionally a subcommand. */
export function fakeChatInput(
  commandName: string,
  values: Record<string, OptionValue | undefined> = {},
  where: Where & { subcommand?: string } = {},
) {
  const { interaction, sent } = base('chat', where, {
    commandName,
    options: optionsOf(values, where.subcommand),
  });
  return { interaction: interaction as ChatInputCommandInteraction, sent };
}

/** Typing into an autocompleted option (`focused`). */
export function fakeAutocomplete(
  commandName: string,
  focused: string,
  values: Record<string, OptionValue | undefined> = {},
  where: Where & { subcommand?: string } = {},
) {
  const { interaction, sent } = base('autocomplete', where, {
    commandName,
    options: optionsOf(values, where.subcommand, focused),
  });
  const choices = () =>
    (sent.find((s) => s.method === 'respond')?.options ?? []) as ApplicationCommandOptionChoiceData[];
  return { interaction: interaction as AutocompleteInteraction, sent, choices };
}

/** A message command (Find sources) on a message with `content`; `ephemeral` for a private one. */
export function fakeMessageCommand(
  commandName: string,
  content: string,
  where: Where & { ephemeral?: boolean } = {},
) {
  const targetMessage = { ...fakeMessage([], where.ephemeral ?? false), content, embeds: [] };
  const { interaction, sent } = base('message', where, { commandName, targetMessage });
  return { interaction: interaction as MessageContextMenuCommandInteraction, sent };
}

/** A button press: `customId` on `message` (by default a public message with no rows). */
export function fakeButton(
  customId: string,
  where: Where & { message?: ReturnType<typeof fakeMessage> } = {},
) {
  const { interaction, sent } = base('button', where, { customId, message: where.message ?? fakeMessage() });
  return { interaction: interaction as ButtonInteraction, sent };
}

/** A modal submitted with text `fields` (input custom_id → value). */
export function fakeModalSubmit(customId: string, fields: Record<string, string> = {}, where: Where = {}) {
  const entries = Object.entries(fields).map(([id, value]) => [id, { customId: id, value }] as const);
  const { interaction, sent } = base('modal', where, { customId, fields: { fields: new Map(entries) } });
  return { interaction: interaction as ModalSubmitInteraction, sent };
}
