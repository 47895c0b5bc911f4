import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client, Interaction } from 'discord.js';
import { applicationKeys, DiscordEmulator } from '../../harness/emulator/index.js';
import { createClient } from '../../src/bot/createClient.js';
import { HttpBridge } from '../../src/discord/httpBridge.js';
import { respond, respondChoices } from '../../src/discord/send/respond.js';
import { type RunningEndpoint, startInteractionEndpoint } from '../../src/http/interactionEndpoint.js';
import { discordPublicKey } from '../../src/http/verifyRequest.js';
import { recordingLogger } from '../helpers/recordingLogger.js';
import { until } from '../helpers/until.js';

let emu: DiscordEmulator;
let client: Client;
let endpoint: RunningEndpoint;
const log = recordingLogger();
/** What the test's handler does with the next interaction. */
let handler: (interaction: Interaction) => Promise<void> = async () => {};

before(async () => {
  emu = new DiscordEmulator();
  await emu.start();
  const bridge = new HttpBridge(log.logger, 100);
  client = createClient({ apiUrl: emu.apiUrl }, bridge.makeRequest);
  bridge.attach(client);
  client.rest.setToken(emu.token);
  client.on('interactionCreate', (interaction) => void handler(interaction));
  const keys = applicationKeys();
  endpoint = await startInteractionEndpoint({
    host: '127.0.0.1',
    port: 0,
    publicKey: discordPublicKey(keys.publicKeyHex),
    logger: log.logger,
    handle: (raw) => bridge.handle(raw),
  });
  emu.httpTarget = { url: `http://127.0.0.1:${endpoint.port}/interactions`, privateKey: keys.privateKey };
});

after(async () => {
  await endpoint?.close();
  await client?.destroy();
  await emu?.stop();
});

const ask = () => emu.chatInput('ask', [{ name: 'question', type: 3, value: 'Who?' }]);

test('a first reply made in time is the HTTP reply; what follows goes through REST with the token', async () => {
  handler = async (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    await respond(interaction, { content: 'fast' });
    await respond(interaction, { content: 'and more' });
  };
  const sent = ask();
  const callback = await emu.waitForCallback(sent);
  assert.deepEqual([callback.type, callback.data?.content], [4, 'fast']);
  await until('the follow-up', () => emu.requests.find((r) => r.name === 'followUp'));
  assert.equal(emu.requests.filter((r) => r.name === 'interactionCallback').length, 1, 'one callback in all');
});

test('a handler slower than the deadline is deferred privately for it; its answer then edits the deferral', async () => {
  handler = async (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    await sleep(400);
    await respond(interaction, { content: 'late but there' });
  };
  const sent = ask();
  const callback = await emu.waitForCallback(sent);
  assert.equal(callback.type, 5);
  assert.equal(Number(callback.data?.flags) & 64, 64, 'private: what it will say is not known yet');
  const edited = await until('the answer', () => {
    const message = emu.originalMessage(sent);
    return message?.content === 'late but there' ? message : undefined;
  });
  assert.equal(edited.content, 'late but there');
  assert.ok(log.messages('warn').includes('no first response in time; deferred for the handler'));
});

test('an autocomplete that takes too long gets no choices rather than none at all', async () => {
  handler = async (interaction) => {
    if (!interaction.isAutocomplete()) return;
    await sleep(400);
    await respondChoices(interaction, [{ name: 'too late', value: 'too late' }]).catch(() => {});
  };
  const callback = await emu.waitForCallback(
    emu.autocomplete('ask', [{ name: 'question', type: 3, value: 'w' }]),
  );
  assert.deepEqual([callback.type, callback.data], [8, { choices: [] }]);
});
