import assert from 'node:assert/strict';
import { once } from 'node:events';
import { type TestContext, test } from 'node:test';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  MessageFlags,
  Routes,
  ThreadChannel,
} from 'discord.js';
import WebSocket from 'ws';
import { connectClient, destroyClient, handleNextInteraction } from '../../harness/emulator/client.js';
import { DiscordEmulator, type Json } from '../../harness/emulator/index.js';

const LIMIT = { timeout: 5000 };

async function startEmulator(t: TestContext): Promise<DiscordEmulator> {
  const emu = new DiscordEmulator();
  await emu.start();
  t.after(() => emu.stop());
  return emu;
}

/** An emulator and a ready client; teardown destroys the client (bounded) before stopping the emulator. */
async function setup(t: TestContext): Promise<{ emu: DiscordEmulator; client: Client }> {
  const emu = new DiscordEmulator();
  await emu.start();
  let client: Client | undefined;
  t.after(async () => {
    if (client) await destroyClient(client);
    await emu.stop();
  });
  client = await connectClient(emu);
  return { emu, client };
}

test('the client logs in, becomes ready and caches the guild and its text channel', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  assert.ok(client.isReady());
  assert.equal(client.user?.id, emu.applicationId);
  assert.match(emu.applicationId, /^\d{17,19}$/);
  const guild = client.guilds.cache.get(emu.guildId);
  assert.ok(guild, 'guild cached');
  assert.equal(guild.name, emu.guild.name);
  assert.ok(guild.channels.cache.has(emu.channelId), 'text channel cached');
  assert.equal(guild.members.me?.id, emu.applicationId);
  assert.equal(emu.identifyCount, 1);
  const gatewayBot = await emu.waitForRequest('GET gatewayBot');
  assert.equal(gatewayBot.headers.authorization, `Bot ${emu.token}`);
});

test('a wrong token makes login reject with TokenInvalid', LIMIT, async (t) => {
  const emu = await startEmulator(t);
  await assert.rejects(connectClient(emu, { token: 'wrong-token' }), { code: 'TokenInvalid' });
  const request = await emu.waitForRequest('gatewayBot');
  assert.equal(request.status, 401);
  assert.equal(emu.identifyCount, 0);
});

test(
  'a chat-input interaction reaches the client and reply() arrives as callback type 4',
  LIMIT,
  async (t) => {
    const { emu, client } = await setup(t);
    const handled = handleNextInteraction(client, async (interaction) => {
      assert.ok(interaction.isChatInputCommand());
      await interaction.reply({ content: 'pong' });
      return {
        name: interaction.commandName,
        question: interaction.options.getString('question'),
        limit: interaction.options.getInteger('limit'),
        channelId: interaction.channel?.id,
        canManageGuild: interaction.memberPermissions?.has('ManageGuild'),
      };
    });
    const sent = emu.chatInput('ask', [
      { name: 'question', type: 3, value: 'why?' },
      { name: 'limit', type: 4, value: 3 },
    ]);
    const { result } = await handled;
    assert.deepEqual(result, {
      name: 'ask',
      question: 'why?',
      limit: 3,
      channelId: emu.channelId,
      canManageGuild: false,
    });
    const callback = await emu.waitForCallback(sent);
    assert.equal(callback.type, 4);
    assert.equal(callback.data?.content, 'pong');
    const [original] = emu.messagesFor(sent);
    assert.ok(original, 'original message recorded');
    assert.equal(original.content, 'pong');
    assert.equal((original.interaction_metadata as Json).id, sent.id);
  },
);

test('the moderator preset has ManageGuild and subcommands are nested', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    return [interaction.options.getSubcommand(), interaction.memberPermissions?.has('ManageGuild')];
  });
  const sent = emu.chatInput('admin', [{ name: 'target', type: 3, value: 'x' }], {
    member: emu.members.moderator,
    subcommand: 'reindex',
  });
  assert.deepEqual((await handled).result, ['reindex', true]);
  assert.equal(Number(emu.originalMessage(sent)?.flags) & MessageFlags.Ephemeral, MessageFlags.Ephemeral);
});

test(
  'deferReply, editReply and followUp are recorded and messagesFor shows their final state',
  LIMIT,
  async (t) => {
    const { emu, client } = await setup(t);
    const handled = handleNextInteraction(client, async (interaction) => {
      assert.ok(interaction.isChatInputCommand());
      await interaction.deferReply();
      await interaction.editReply({ content: 'answer', embeds: [{ title: 'Sources', description: 'a' }] });
      const followUp = await interaction.followUp({ content: 'more' });
      return followUp.id;
    });
    const sent = emu.chatInput('ask');
    const { result: followUpId } = await handled;
    assert.deepEqual(
      emu.callbacksFor(sent).map((c) => c.type),
      [5],
    );
    const edit = await emu.waitForRequest('PATCH editWebhookMessage');
    assert.equal(edit.params.messageId, '@original');
    await emu.waitForRequest((r) => r.name === 'followUp' && r.query.wait === 'true');
    const messages = emu.messagesFor(sent);
    assert.deepEqual(
      messages.map((m) => m.content),
      ['answer', 'more'],
    );
    const [original, followUp] = messages;
    assert.ok(original && followUp);
    assert.equal(followUp.id, followUpId);
    assert.equal((original.embeds as Json[])[0]?.title, 'Sources');
    assert.equal(Number(original.flags) & MessageFlags.Loading, 0);
  },
);

test('autocomplete respond() arrives as callback type 8 with choices', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isAutocomplete());
    const focused = interaction.options.getFocused(true);
    await interaction.respond([{ name: `${focused.value}-1`, value: 'one' }]);
    return focused.name;
  });
  const sent = emu.autocomplete('ask', [{ name: 'topic', type: 3, value: 'ene' }]);
  assert.equal((await handled).result, 'topic');
  const callback = await emu.waitForCallback(sent);
  assert.equal(callback.type, 8);
  assert.deepEqual(callback.data?.choices, [{ name: 'ene-1', value: 'one' }]);
});

test('a button click reaches the client and update() edits the clicked message', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
  );
  const message = emu.postMessage('page 1', { author: emu.botUser, components: [row.toJSON()] });
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isButton());
    await interaction.update({ content: 'page 2', components: [] });
    return [interaction.customId, interaction.message.id, interaction.channel !== null];
  });
  const sent = emu.button('more:1', message);
  assert.deepEqual((await handled).result, ['more:1', message.id, true]);
  assert.equal((await emu.waitForCallback(sent)).type, 7);
  const [updated] = emu.messagesFor(sent);
  assert.equal(updated?.id, message.id);
  assert.equal(updated?.content, 'page 2');
  assert.deepEqual(updated?.components, []);
});

test('a message context menu exposes targetMessage', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const target = emu.postMessage('is this true?');
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isMessageContextMenuCommand());
    await interaction.reply({ content: 'checking', flags: MessageFlags.Ephemeral });
    return [interaction.commandName, interaction.targetMessage.id, interaction.targetMessage.content];
  });
  const sent = emu.messageContextMenu('Fact-check', target);
  assert.deepEqual((await handled).result, ['Fact-check', target.id, 'is this true?']);
  assert.equal((await emu.waitForCallback(sent)).type, 4);
});

test(
  'message.startThread() on a reply creates a ThreadChannel and thread.send() posts into it',
  LIMIT,
  async (t) => {
    const { emu, client } = await setup(t);
    const handled = handleNextInteraction(client, async (interaction) => {
      assert.ok(interaction.isChatInputCommand());
      const response = await interaction.reply({ content: 'answer', withResponse: true });
      const message = response.resource?.message;
      assert.ok(message, 'reply message returned');
      const thread = await message.startThread({ name: 'Discussion' });
      assert.ok(thread instanceof ThreadChannel, 'startThread resolved to a ThreadChannel');
      const posted = await thread.send('inside the thread');
      return { messageId: message.id, threadId: thread.id, postedChannel: posted.channelId };
    });
    const sent = emu.chatInput('ask');
    const { result } = await handled;
    assert.equal(result.threadId, result.messageId);
    assert.equal(result.postedChannel, result.threadId);
    const create = await emu.waitForRequest('POST startThreadFromMessage');
    assert.equal((create.body as Json).name, 'Discussion');
    assert.equal(emu.originalMessage(sent)?.id, result.messageId);
    assert.deepEqual(
      emu.channelMessages(result.threadId).map((m) => m.content),
      ['inside the thread'],
    );
    assert.ok(client.channels.cache.get(result.threadId)?.isThread());
  },
);

test('a 429 on the next callback is waited out and retried by discord.js', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const fault = emu.rateLimitNext('interactionCallback', { retryAfter: 0.2 });
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    const started = Date.now();
    await interaction.reply({ content: 'after the limit' });
    return Date.now() - started;
  });
  const sent = emu.chatInput('ask');
  const { result: elapsed } = await handled;
  assert.ok(elapsed >= 150, `waited ${elapsed} ms`);
  assert.equal(fault.hits, 1);
  const attempts = emu.requestsMatching('interactionCallback');
  assert.deepEqual(
    attempts.map((r) => [r.status, r.faulted]),
    [
      [429, true],
      [204, false],
    ],
  );
  assert.equal((await emu.waitForCallback(sent)).data?.content, 'after the limit');
});

test('a 500 on a channel message is retried and the message still arrives', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  emu.failNext('POST createMessage', { status: 500 });
  const channel = await client.channels.fetch(emu.channelId);
  assert.ok(channel?.isSendable());
  const sent = await channel.send('hello');
  assert.deepEqual(
    emu.requestsMatching('createMessage').map((r) => r.status),
    [500, 200],
  );
  assert.deepEqual(
    emu.channelMessages().map((m) => m.id),
    [sent.id],
  );
});

test(
  'denyNext answers 403 Missing Permissions (or Missing Access) once, as a DiscordAPIError with its code',
  LIMIT,
  async (t) => {
    const { emu, client } = await setup(t);
    const channel = await client.channels.fetch(emu.channelId);
    assert.ok(channel?.isSendable());
    emu.denyNext('POST createMessage');
    await assert.rejects(
      channel.send('hello'),
      (e: { code?: unknown; status?: unknown; message?: string }) => {
        assert.equal(e.code, 50013);
        assert.equal(e.status, 403);
        assert.equal(e.message, 'Missing Permissions');
        return true;
      },
    );
    emu.denyNext('createMessage', { code: 50001 });
    await assert.rejects(channel.send('again'), (e: { code?: unknown }) => e.code === 50001);
    await channel.send('allowed again');
    assert.deepEqual(
      emu.requestsMatching('createMessage').map((r) => r.status),
      [403, 403, 200],
      'not retried',
    );
    assert.equal(emu.channelMessages().length, 1);
  },
);

test('after op 7 RECONNECT the client resumes and still receives interactions', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  emu.sendReconnect();
  await emu.waitForResumeCount(1, { timeoutMs: 3000 });
  await emu.waitForReady();
  assert.equal(emu.resumeCount, 1);
  assert.equal(emu.identifyCount, 1);
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    await interaction.reply({ content: 'still here' });
    return interaction.commandName;
  });
  const sent = emu.chatInput('ping');
  assert.equal((await handled).result, 'ping');
  assert.equal((await emu.waitForCallback(sent)).data?.content, 'still here');
});

test('PUT application commands (global and guild) echoes them back with ids', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const body = [
    { name: 'ask', description: 'Ask a question', options: [{ name: 'q', type: 3, description: 'q' }] },
  ];
  const global = (await client.rest.put(Routes.applicationCommands(emu.applicationId), { body })) as Json[];
  assert.equal(global.length, 1);
  assert.equal(global[0]?.name, 'ask');
  assert.match(String(global[0]?.id), /^\d{17,19}$/);
  assert.equal(global[0]?.application_id, emu.applicationId);
  const route = Routes.applicationGuildCommands(emu.applicationId, emu.guildId);
  const guild = (await client.rest.put(route, { body })) as Json[];
  assert.equal(guild[0]?.guild_id, emu.guildId);
  assert.deepEqual(
    emu.registeredCommands().map((c) => c.name),
    ['ask'],
  );
  const interaction = emu.chatInput('ask');
  assert.equal((interaction.payload.data as Json).id, global[0]?.id);
});

test('uploads are parsed from multipart and attachments are served over HTTP', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  const handled = handleNextInteraction(client, async (interaction) => {
    assert.ok(interaction.isChatInputCommand());
    const file = interaction.options.getAttachment('file');
    const downloaded = file ? await (await fetch(file.url)).text() : null;
    await interaction.reply({
      content: 'report',
      files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'r.csv' }],
    });
    return downloaded;
  });
  const input = emu.registerAttachment('in.txt', Buffer.from('uploaded by user'), 'text/plain');
  const sent = emu.chatInput('import', [{ name: 'file', type: 11, value: input.id }]);
  assert.equal((await handled).result, 'uploaded by user');
  const callback = await emu.waitForCallback(sent);
  assert.equal(callback.data?.content, 'report');
  assert.equal(callback.files[0]?.filename, 'r.csv');
  const original = emu.originalMessage(sent);
  assert.ok(original);
  const [attachment] = original.attachments as Json[];
  assert.equal(attachment?.filename, 'r.csv');
  const served = await fetch(String(attachment?.url));
  assert.equal(await served.text(), 'a,b\n1,2\n');
});

test('unknown routes are recorded and answered 404 with {message, code}', LIMIT, async (t) => {
  const { emu, client } = await setup(t);
  await assert.rejects(client.rest.get(Routes.guildBans(emu.guildId)), (error: unknown) => {
    assert.ok(error instanceof DiscordAPIError);
    assert.equal(error.status, 404);
    return true;
  });
  const [unknown] = emu.unknownRequests();
  assert.equal(unknown?.route, `/guilds/${emu.guildId}/bans`);
});

test(
  'the raw gateway speaks HELLO, READY, GUILD_CREATE, ACK and relays malformed dispatches',
  LIMIT,
  async (t) => {
    const emu = await startEmulator(t);
    const socket = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
    t.after(() => socket.terminate());
    const frames: Json[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Json));
    await once(socket, 'open', { signal: AbortSignal.timeout(2000) });
    const hello = await pollFrame(frames, (f) => f.op === 10);
    assert.equal((hello.d as Json).heartbeat_interval, 41250);
    socket.send(
      JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: {}, shard: [0, 1] } }),
    );
    const ready = await pollFrame(frames, (f) => f.t === 'READY');
    assert.equal(ready.s, 1);
    assert.equal((ready.d as Json).resume_gateway_url, emu.resumeUrl);
    const guildCreate = await pollFrame(frames, (f) => f.t === 'GUILD_CREATE');
    assert.equal(guildCreate.s, 2);
    socket.send(JSON.stringify({ op: 1, d: 2 }));
    await pollFrame(frames, (f) => f.op === 11);
    emu.dispatch('INTERACTION_CREATE', { id: '123456789012345678', type: 2 });
    const malformed = await pollFrame(frames, (f) => f.t === 'INTERACTION_CREATE');
    assert.equal(malformed.s, 3);
    assert.equal(emu.interaction('123456789012345678'), undefined, 'no token: not registered');
  },
);

async function pollFrame(
  frames: Json[],
  predicate: (frame: Json) => boolean,
  timeoutMs = 2000,
): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = frames.find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(
    `No matching gateway frame within ${timeoutMs} ms; got ${JSON.stringify(frames).slice(0, 300)}`,
  );
}

test(
  'a DM opens a DM channel and is recorded; a user with DMs closed gets 403 code 50007',
  LIMIT,
  async (t) => {
    const { emu, client } = await setup(t);
    const open = emu.createMember({ username: 'open-dms' }).user as Json;
    const closed = emu.createMember({ username: 'closed-dms' }).user as Json;

    const dm = await client.users.createDM(open.id as string);
    assert.equal(dm.recipientId, open.id);
    await dm.send({ content: 'hello', allowedMentions: { parse: [] } });
    assert.deepEqual(
      emu.directMessages(open).map((m) => m.content),
      ['hello'],
    );
    assert.equal(
      (await client.users.createDM(open.id as string, { force: true })).id,
      dm.id,
      'one channel a user',
    );

    emu.setDmsClosed(closed);
    const closedDm = await client.users.createDM(closed.id as string);
    await assert.rejects(closedDm.send({ content: 'hello' }), (error: unknown) => {
      assert.ok(error instanceof DiscordAPIError);
      assert.equal(error.status, 403);
      assert.equal(error.code, 50007);
      assert.match(error.message, /Cannot send messages to this user/);
      return true;
    });
    assert.deepEqual(emu.directMessages(closed), []);
    emu.setDmsClosed(closed, false);
    await closedDm.send({ content: 'open again' });
    assert.equal(emu.directMessages(closed).length, 1);
  },
);
