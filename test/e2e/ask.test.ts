import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { DiscordEmulator } from '../../harness/emulator/index.js';
import { shareBot } from '../helpers/sharedBot.js';

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

// What a reply holds is asserted in-process (test/commands/commands.test.ts); here, what only the real process
// shows: the payload on the wire, the rendered source and footer, and the interaction's log line.
test('/ask through the real process: no mentions allowed on the wire, the source line and footer, one log line', async () => {
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
  const all = data.embeds.map((e) => e.description).join('\n');
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
