import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BotProcess } from '../harness/botProcess.js';
import type { DiscordEmulator } from '../harness/emulator/index.js';
import { shareBot } from './helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

shareBot({}, (shared) => {
  ({ emu, bot } = shared);
});

const question = (value: string) => [{ name: 'question', type: 3, value }];

test('the bot logs in through the gateway with the Guilds intent only', () => {
  assert.equal(emu.identifyCount, 1);
  assert.equal(emu.gateway.lastIntents, 1);
  assert.ok(!bot.stderr.includes(emu.token), 'the token never reaches the log');
});

test('/ask answers with a verbatim quote, its source, and no mentions allowed', async () => {
  const from = bot.logs.length;
  const i = emu.chatInput('ask', question('What did the OSCE chair offer?'));
  const [cb] = [await emu.waitForCallback(i)];
  assert.equal(cb.type, 4);
  const data = cb.data as {
    embeds: { title?: string; description: string; footer?: { text: string } }[];
    allowed_mentions: unknown;
    flags?: number;
    components: unknown[];
  };
  assert.deepEqual(data.allowed_mentions, { parse: [] });
  assert.ok(!(Number(data.flags ?? 0) & 64), 'a public answer');
  assert.equal(data.embeds[0]?.title, 'What did the OSCE chair offer?');
  const all = data.embeds.map((e) => e.description).join('\n');
  assert.match(all, /accept the \*\*OSCE\*\* \*\*chair's\*\* \*\*offer\*\* to facilitate dialogue/);
  assert.match(all, /\[1\] .*Senior US Diplomat.* — GlobalSecurity\.org, 2020-08-26/);
  assert.match(
    data.embeds.at(-1)?.footer?.text ?? '',
    /5 documents · \d+ passages · built .* · supported by \d outlets?/,
  );
  assert.equal(data.components.length, 3, 'actions, context, feedback');
  const log = await bot.interactionLog(from);
  assert.equal(log.command, 'ask');
  assert.equal(log.outcome, 'answered');
  assert.equal(typeof log.latencyMs, 'number');
  assert.match(String(log.member), /^[0-9a-f]{12}$/);
});

test('a question the knowledge does not cover gets a private "not found" with suggestions', async () => {
  const i = emu.chatInput('ask', question('What is the capital of Australia?'));
  const cb = await emu.waitForCallback(i);
  const data = cb.data as { embeds: { title: string; description: string }[]; flags: number };
  assert.equal(Number(data.flags) & 64, 64);
  assert.match(data.embeds[0]?.title ?? '', /^Not found/);
  assert.match(data.embeds[0]?.description ?? '', /does not cover this/);
  assert.match(data.embeds[0]?.description ?? '', /Closest topics/);
});
