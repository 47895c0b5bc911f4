import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BotProcess } from '../../harness/botProcess.js';
import {
  applicationKeys,
  DiscordEmulator,
  type HttpTarget,
  postSigned,
} from '../../harness/emulator/index.js';
import { freePort } from '../../harness/freePort.js';
import {
  buttonWith,
  EPHEMERAL,
  embedText,
  NO_MENTIONS,
  requestsAfter,
  settle,
  view,
} from '../helpers/discordView.js';

let emu: DiscordEmulator;
let bot: BotProcess;
let target: HttpTarget;
let opsUrl: string;
const keys = applicationKeys();

before(async () => {
  emu = new DiscordEmulator();
  await emu.start();
  const port = await freePort();
  const opsPort = await freePort();
  opsUrl = `http://127.0.0.1:${opsPort}`;
  bot = await BotProcess.start(emu, {
    OPS_PORT: String(opsPort),
    INTERACTIONS_MODE: 'http',
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    HTTP_PORT: String(port),
    COOLDOWN_QUESTIONS: '100',
    // A role of its own stands for the server's moderator role (no member but the test's has it).
    MODERATOR_ROLE_IDS: emu.world.roles.bot,
  });
  target = { url: `http://127.0.0.1:${port}/interactions`, privateKey: keys.privateKey };
  emu.httpTarget = target;
});

after(async () => {
  await bot?.stop();
  await emu?.stop();
});

const QUESTION = 'What did the OSCE chair offer?';
const ping = JSON.stringify({ id: '1', type: 1, application_id: '1', token: 't', version: 1 });
const nowSeconds = () => Math.floor(Date.now() / 1000);

test('http mode: ready without a gateway connection; a PING is answered with a PONG', async () => {
  const ready = bot.logs.find((l) => l.msg === 'ready');
  assert.equal(ready?.mode, 'http');
  assert.equal(emu.gateway.identifyCount, 0, 'no gateway session');
  assert.deepEqual(await postSigned(target, ping).then((r) => [r.status, r.body]), [200, { type: 1 }]);
});

test('requests Discord did not sign are refused with 401: missing, wrong key, tampered, replayed, from the future', async () => {
  const forger = applicationKeys();
  const cases = [
    postSigned(target, ping, { signature: null }),
    postSigned(target, ping, { signWith: forger.privateKey }),
    postSigned(target, ping, { signature: 'zz' }),
    postSigned(target, ping, { timestamp: String(nowSeconds() - 6 * 60) }),
    postSigned(target, ping, { timestamp: String(nowSeconds() + 2 * 60) }),
  ];
  for (const result of await Promise.all(cases))
    assert.equal(result.status, 401, JSON.stringify(result.body));
  // Signed, then changed on the way: the signature covers the raw body.
  const timestamp = String(nowSeconds());
  const { signBody } = await import('../../harness/emulator/http-delivery.js');
  const signature = signBody(keys.privateKey, timestamp, Buffer.from(ping));
  const tampered = await postSigned(target, ping.replace('"version":1', '"version":2'), {
    timestamp,
    signature,
  });
  assert.equal(tampered.status, 401);
  // The log says why (its lines reach this process through a pipe: waited for, not assumed).
  await bot.waitForLog(
    (l) => l.msg === 'refused an interaction request that is not signed by Discord' && l.reason === 'stale',
    2000,
  );
});

test('a body over 1 MB is refused with 413 before it is read; a signed non-interaction gets 400', async () => {
  const big = await postSigned(
    target,
    JSON.stringify({ type: 2, id: '9', pad: 'x'.repeat(1024 * 1024 + 1) }),
  );
  assert.equal(big.status, 413);
  assert.equal((await postSigned(target, '[1, 2]')).status, 400);
  assert.equal((await postSigned(target, 'not json')).status, 400);
});

test('/ask over HTTP: the answer is the HTTP reply; a button on it works; autocomplete answers choices', async () => {
  const done = await settle(emu, bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: QUESTION }]),
  );
  assert.equal(done.callback.type, 4, 'the HTTP reply is the answer');
  assert.deepEqual(done.data.allowed_mentions, NO_MENTIONS);
  assert.match(embedText(done.data), /\[1\] .* — GlobalSecurity\.org, 2020-08-26/);
  assert.equal(done.log.outcome, 'answered');
  const result = emu.httpResults.get(done.interaction.id);
  assert.ok(result && !(result instanceof Error) && result.status === 200);

  const message = emu.originalMessage(done.interaction);
  assert.ok(message);
  const more = await settle(emu, bot, () => emu.button(buttonWith(message, 'more').custom_id, message));
  assert.ok([4, 7].includes(more.callback.type), `a reply or an update, got ${more.callback.type}`);
  assert.notEqual(more.log.outcome, 'invalid');

  const choices = await emu.waitForCallback(
    emu.autocomplete('ask', [{ name: 'question', type: 3, value: 'osce', focused: true }]),
  );
  assert.equal(choices.type, 8);
  assert.ok(Array.isArray((choices.data as { choices?: unknown[] }).choices));
});

test('Find sources over HTTP: deferred in the reply, then the thread and the confirmation through REST', async () => {
  const target = emu.postMessage('I read that Lukashenko won 80.1% of the vote in the election.');
  const seq = emu.recorder.lastSeq;
  const done = await settle(emu, bot, () => emu.messageContextMenu('Find sources', target));
  assert.equal(done.callback.type, 5, 'deferred, in the HTTP reply');
  assert.equal(Number(done.callback.data?.flags) & EPHEMERAL, EPHEMERAL);
  const reply = view(emu.originalMessage(done.interaction));
  assert.match(reply.content, /^Posted \d+ source\(s\) in <#\d+>\.$/);
  assert.ok(
    requestsAfter(emu, seq, 'startThreadFromMessage').length +
      requestsAfter(emu, seq, 'startThread').length >=
      1,
  );
});

test('OPS_PORT: /readyz names what it checked; /metrics counts the interactions, identifying no member', async () => {
  const ready = await fetch(`${opsUrl}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, {
    index: 'ok',
    database: 'ok',
    discord: 'ok',
  });
  const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
  assert.match(
    metrics,
    /^crisis_desk_interactions_total\{kind="command",command="ask",outcome="answered"\} [1-9]/m,
  );
  assert.match(
    metrics,
    /^crisis_desk_interactions_total\{kind="autocomplete",command="ask",outcome="listed"\} 1$/m,
  );
  assert.match(metrics, /^crisis_desk_index_passages [1-9]\d*$/m);
  assert.match(metrics, /^crisis_desk_answers_total\{result="answered"\} [1-9]/m);
  assert.doesNotMatch(
    metrics,
    new RegExp(
      `${(emu.members.plain.user as { id: string }).id}|${(emu.members.moderator.user as { id: string }).id}`,
    ),
  );
});

test('moderators by role (MODERATOR_ROLE_IDS) are known without a gateway: from the roles in the payload', async () => {
  const helper = emu.createMember({
    username: 'role-moderator',
    roles: [emu.world.roles.member, emu.world.roles.bot],
    permissions: 0n,
  });
  const gaps = await settle(emu, bot, () =>
    emu.chatInput('knowledge', [], { subcommand: 'gaps', member: helper }),
  );
  assert.notEqual(gaps.log.outcome, 'refused', gaps.data.content);
  const plain = await settle(emu, bot, () =>
    emu.chatInput('knowledge', [], { subcommand: 'gaps', member: emu.members.plain }),
  );
  assert.equal(plain.log.outcome, 'refused');
});
