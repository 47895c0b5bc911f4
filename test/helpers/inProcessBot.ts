import assert from 'node:assert/strict';
import { MessageFlags } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import type { Json } from '../../harness/emulator/index.js';
import { buttonHandlers } from '../../src/discord/buttons/index.js';
import { handleInteraction, registryOf } from '../../src/discord/handleInteraction.js';
import { modalHandlers } from '../../src/discord/modals/index.js';
import { type MessageView, view } from './discordView.js';
import { type BundledEngine, type FakeContextOptions, fakeContext } from './fakeContext.js';
import {
  fakeAutocomplete,
  fakeButton,
  fakeChatInput,
  fakeMessage,
  fakeMessageCommand,
  fakeModalSubmit,
  type OptionValue,
  type Sent,
  type SentMethod,
  type Where,
} from './fakeInteraction.js';

/** The interaction callback type each first response stands for, as Discord numbers them. */
const CALLBACK_TYPE: Partial<Record<SentMethod, number>> = {
  reply: 4,
  deferReply: 5,
  deferUpdate: 6,
  update: 7,
  respond: 8,
  showModal: 9,
};

function flagBits(flags: unknown): number {
  return [flags ?? []]
    .flat()
    .map((f) => (typeof f === 'string' ? MessageFlags[f as keyof typeof MessageFlags] : Number(f)))
    .reduce((all, bit) => all | bit, 0);
}

/** discord.js options as the JSON Discord receives (allowed_mentions, numeric flags). */
export function apiData(options: unknown): Json {
  if (Array.isArray(options)) return { choices: options };
  const { allowedMentions, flags, withResponse: _, ...rest } = (options ?? {}) as Record<string, unknown>;
  return {
    ...(rest as Json),
    ...(allowedMentions === undefined ? {} : { allowed_mentions: allowedMentions as Json }),
    flags: flagBits(flags),
  };
}

/** The message a later button press is on: the rows and privacy of what the bot sent. */
export function messageOf(data: MessageView) {
  return fakeMessage(data.components, (data.flags & MessageFlags.Ephemeral) !== 0);
}

/**
 * The bot's commands, buttons and modals behind the real router, in this process: each call makes
 * one fake interaction, runs it through handleInteraction and returns what an emulator test sees
 * (the first callback, its data as a MessageView, the interaction's log line) plus every call made.
 */
export function inProcessBot(engine: BundledEngine, options: FakeContextOptions = {}) {
  const registry = registryOf(commands, buttonHandlers, modalHandlers);
  let made: ReturnType<typeof fakeContext> | undefined;
  const fake = () => {
    made ??= fakeContext(engine(), { ...engine.dirs(), ...options });
    return made;
  };

  async function run<I extends { id: string }>(created: { interaction: I; sent: Sent[] }) {
    const { ctx, log } = fake();
    await handleInteraction(created.interaction as never, ctx, registry);
    const { sent } = created;
    const [first] = sent;
    assert.ok(first, 'the interaction was answered');
    const callback = { type: CALLBACK_TYPE[first.method] ?? 0, data: apiData(first.options) };
    const lines = log.lines.filter(
      (l) => l.msg === 'interaction' && l.obj.interactionId === created.interaction.id,
    );
    assert.equal(lines.length, 1, 'one log line for the interaction');
    // What the member ends up seeing: the last reply or edit of the reply.
    const final = sent
      .filter((s) => s.method === 'reply' || s.method === 'editReply' || s.method === 'update')
      .at(-1);
    return {
      ...created,
      callback,
      data: view(callback.data),
      final: view(final ? apiData(final.options) : undefined),
      log: lines[0]?.obj ?? {},
    };
  }

  return {
    get ctx() {
      return fake().ctx;
    },
    get log() {
      return fake().log;
    },
    /** Feedback records as the state database would get them. */
    get feedback() {
      return fake().feedback;
    },
    /** Payloads posted to the mod-log channel. */
    get modLog() {
      return fake().modLog;
    },
    command: (
      name: string,
      values: Record<string, OptionValue | undefined> = {},
      where: Where & { subcommand?: string } = {},
    ) => run(fakeChatInput(name, values, where)),
    autocomplete: async (
      name: string,
      focused: string,
      values: Record<string, OptionValue | undefined>,
      where: Where & { subcommand?: string } = {},
    ) => {
      const done = await run(fakeAutocomplete(name, focused, values, where));
      assert.equal(done.callback.type, 8, 'an autocomplete result');
      return { ...done, choices: (done.callback.data.choices ?? []) as { name: string; value: string }[] };
    },
    messageCommand: (name: string, content: string, where: Where & { ephemeral?: boolean } = {}) =>
      run(fakeMessageCommand(name, content, where)),
    button: (customId: string, on: MessageView | undefined = undefined, where: Where = {}) =>
      run(fakeButton(customId, { ...where, ...(on ? { message: messageOf(on) } : {}) })),
    modal: (customId: string, fields: Record<string, string>, where: Where = {}) =>
      run(fakeModalSubmit(customId, fields, where)),
  };
}
