import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Message,
  ModalSubmitInteraction,
  RepliableInteraction,
  SendableChannels,
} from 'discord.js';
import { MessageFlags } from 'discord-api-types/v10';
import {
  followUp,
  replyToMessage,
  respond,
  respondChoices,
  sendToChannel,
  update,
} from '../../../src/discord/send/respond.js';

interface Call {
  method: string;
  options: unknown;
}

const MESSAGE = { id: 'message-1' };

/** A stand-in for a discord.js interaction that records what it is asked to send. */
function fakeInteraction(state: { deferred?: boolean; replied?: boolean; resource?: boolean } = {}) {
  const calls: Call[] = [];
  const record = (method: string, options: unknown) => calls.push({ method, options });
  const response = { resource: state.resource === false ? null : { message: MESSAGE } };
  const interaction = {
    deferred: state.deferred ?? false,
    replied: state.replied ?? false,
    async reply(options: unknown) {
      record('reply', options);
      return response;
    },
    async update(options: unknown) {
      record('update', options);
      return response;
    },
    async editReply(options: unknown) {
      record('editReply', options);
      return MESSAGE;
    },
    async followUp(options: unknown) {
      record('followUp', options);
      return MESSAGE;
    },
  };
  return { interaction, calls };
}

function only(calls: Call[]): Call {
  assert.equal(calls.length, 1);
  return calls[0]!;
}

test('respond: a fresh interaction gets a reply, with no pings and the ephemeral flag', async () => {
  const { interaction, calls } = fakeInteraction();
  const message = await respond(interaction, { content: '@everyone hi', ephemeral: true });
  assert.equal(message, MESSAGE);
  assert.deepEqual(only(calls), {
    method: 'reply',
    options: {
      content: '@everyone hi',
      allowedMentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
      withResponse: true,
    },
  });
});

test('respond: a deferred interaction gets its reply edited; a replied one a follow-up', async () => {
  const deferred = fakeInteraction({ deferred: true });
  await respond(deferred.interaction, { content: 'done', ephemeral: true });
  assert.deepEqual(only(deferred.calls), {
    method: 'editReply',
    options: { content: 'done', allowedMentions: { parse: [] } },
  });

  const edited = fakeInteraction({ deferred: true, replied: true });
  await respond(edited.interaction, { content: 'more', ephemeral: true });
  assert.deepEqual(only(edited.calls), {
    method: 'followUp',
    options: { content: 'more', allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral },
  });

  const replied = fakeInteraction({ replied: true });
  await respond(replied.interaction, { content: 'again' });
  assert.deepEqual(only(replied.calls), {
    method: 'followUp',
    options: { content: 'again', allowedMentions: { parse: [] } },
  });
});

test('respond: both flags together, and the payload is fitted before sending', async () => {
  const { interaction, calls } = fakeInteraction();
  await respond(interaction, { content: 'x '.repeat(3000), ephemeral: true, suppressEmbeds: true });
  const options = only(calls).options as { flags?: unknown; content?: string };
  assert.deepEqual(options.flags, [MessageFlags.Ephemeral, MessageFlags.SuppressEmbeds]);
  assert.ok(options.content!.length <= 2000);
});

test('respond: no message when Discord returns none', async () => {
  const { interaction } = fakeInteraction({ resource: false });
  assert.equal(await respond(interaction, { content: 'hi' }), null);
});

test('followUp: a follow-up once answered, the first reply before that', async () => {
  const answered = fakeInteraction({ deferred: true });
  await followUp(answered.interaction, { content: 'shared', ephemeral: false });
  assert.deepEqual(only(answered.calls), {
    method: 'followUp',
    options: { content: 'shared', allowedMentions: { parse: [] } },
  });

  const fresh = fakeInteraction();
  assert.equal(await followUp(fresh.interaction, { content: 'first' }), MESSAGE);
  assert.equal(only(fresh.calls).method, 'reply');
});

test('update: edits the clicked message, through editReply once deferred', async () => {
  const fresh = fakeInteraction();
  assert.equal(
    await update(fresh.interaction, { content: 'page 2', ephemeral: true, components: [] }),
    MESSAGE,
  );
  assert.deepEqual(only(fresh.calls), {
    method: 'update',
    options: { content: 'page 2', components: [], allowedMentions: { parse: [] }, withResponse: true },
  });

  const deferred = fakeInteraction({ deferred: true });
  await update(deferred.interaction, { content: 'page 3', suppressEmbeds: true });
  assert.deepEqual(only(deferred.calls), {
    method: 'editReply',
    options: { content: 'page 3', allowedMentions: { parse: [] }, flags: MessageFlags.SuppressEmbeds },
  });
});

test('sendToChannel and replyToMessage: no pings, the replied-to member included', async () => {
  const sent: unknown[] = [];
  const channel = {
    async send(options: unknown) {
      sent.push(options);
      return MESSAGE;
    },
  };
  assert.equal(await sendToChannel(channel, { content: '<@1>', ephemeral: true }), MESSAGE);
  assert.deepEqual(sent, [{ content: '<@1>', allowedMentions: { parse: [] } }]);

  const replies: unknown[] = [];
  const message = {
    async reply(options: unknown) {
      replies.push(options);
      return MESSAGE;
    },
  };
  await replyToMessage(message, { embeds: [{ title: 'T', url: 'javascript:x' }] });
  assert.deepEqual(replies, [
    { embeds: [{ title: 'T' }], allowedMentions: { parse: [], repliedUser: false } },
  ]);
});

test('respondChoices: capped at 25 and deduplicated', async () => {
  let answered: unknown;
  const interaction = {
    async respond(choices: unknown) {
      answered = choices;
    },
  };
  const choices = Array.from({ length: 40 }, (_, i) => ({ name: `Topic ${i}`, value: `t${i % 30}` }));
  await respondChoices(interaction, [{ name: '', value: 'blank' }, ...choices]);
  const list = answered as { name: string; value: string }[];
  assert.equal(list.length, 25);
  assert.equal(list[0]!.name, 'Topic 0');
  assert.equal(new Set(list.map((c) => c.value)).size, 25);
});

/** Never called: it only has to typecheck, proving discord.js's own classes fit the helpers' parameters. */
export function discordJsObjectsFit(
  command: ChatInputCommandInteraction,
  button: ButtonInteraction,
  modal: ModalSubmitInteraction,
  anyRepliable: RepliableInteraction,
  autocomplete: AutocompleteInteraction,
  channel: SendableChannels,
  message: Message,
): Promise<unknown>[] {
  const asked: Promise<Message | null> = respond(command, { content: 'hi' });
  const sent: Promise<Message> = sendToChannel(channel, {});
  return [
    asked,
    sent,
    respond(modal, {}),
    respond(anyRepliable, {}),
    followUp(button, {}),
    update(button, {}),
    replyToMessage(message, {}),
    respondChoices(autocomplete, [{ name: 'a', value: 'a' }]),
  ];
}
