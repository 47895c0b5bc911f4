import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { DiscordEmulator } from '../../harness/emulator/index.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

shareBot({ COOLDOWN_QUESTIONS: '3', COOLDOWN_SECONDS: '60' }, (shared) => {
  ({ emu, bot } = shared);
});

interface Sent {
  content?: string;
  embeds?: { description?: string }[];
  flags?: number;
}

/** What a member reads: bold markers and escapes dropped. */
const text = (data: unknown) => {
  const m = data as Sent;
  return [m.content ?? '', ...(m.embeds ?? []).map((e) => e.description ?? '')]
    .join('\n')
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1');
};
const ask = (value: string, member = emu.createMember()) =>
  emu.chatInput('ask', [{ name: 'question', type: 3, value }], { member });

test('a 429 on the reply is waited out and the answer still arrives', async () => {
  const limit = emu.rateLimitNext('interactionCallback', { retryAfter: 0.2 });
  const i = ask('What share of the vote did Lukashenko officially win?');
  const cb = await emu.waitForCallback(i, { timeoutMs: 5000 });
  assert.equal(limit.hits, 1);
  assert.match(text(cb.data), /80\.1% of the vote/);
  const attempts = emu.requestsMatching('interactionCallback').filter((r) => r.route.includes(i.id));
  assert.equal(attempts[0]?.status, 429);
  assert.ok((attempts.at(-1)?.status ?? 500) < 300);
});

test('a 500 on the callback is logged with its stack and the bot keeps serving', async () => {
  const from = bot.logs.length;
  emu.failNext('interactionCallback', { status: 500, times: 4 });
  const i = ask('Where was Navalny evacuated to?');
  const failure = await bot.waitForLog((l) => l.msg === 'interaction failed', 10_000, from);
  assert.match(JSON.stringify(failure.err), /500|Internal Server Error/);
  assert.match(JSON.stringify(failure.err), /stack/);
  assert.doesNotMatch(JSON.stringify(failure), new RegExp(i.token), 'the interaction token is not logged');
  assert.equal(bot.running, true);
  const next = await emu.waitForCallback(ask('What did the OSCE chair offer?'));
  assert.match(text(next.data), /facilitate dialogue/);
});

test('gateway RECONNECT: the bot resumes its session and answers the next interaction', async () => {
  const identifies = emu.identifyCount;
  emu.sendReconnect();
  await emu.waitForResumeCount(1, { timeoutMs: 5000 });
  assert.equal(emu.identifyCount, identifies, 'resumed, not re-identified');
  const cb = await emu.waitForCallback(
    ask('How many extremists trained in Ukraine does Russia say are in Belarus?'),
  );
  assert.match(text(cb.data), /200 extremists/);
});

test('a malformed INTERACTION_CREATE is logged and does not kill the process', async () => {
  const from = bot.logs.length;
  // Without these fields discord.js throws while building the interaction, outside any handler of ours.
  emu.chatInput('ask', [{ name: 'question', type: 3, value: 'x' }], {
    overrides: { entitlements: undefined, authorizing_integration_owners: undefined },
  });
  const logged = await bot.waitForLog((l) => l.msg === 'unhandled rejection; still serving', 5000, from);
  assert.match(JSON.stringify(logged.err), /TypeError/);
  assert.equal(bot.running, true);
  const cb = await emu.waitForCallback(ask('Why did Mishustin travel to Minsk?'));
  assert.match(text(cb.data), /Mishustin/);
});

test('SIGTERM shuts the bot down cleanly', async () => {
  const from = bot.logs.length;
  await bot.stop();
  assert.equal(bot.exitCode, 0);
  assert.ok(bot.logs.slice(from).some((l) => l.msg === 'shutting down'));
});
