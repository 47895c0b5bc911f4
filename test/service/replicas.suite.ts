/**
 * Two replicas in HTTP mode on one PostgreSQL and one shared volume, with the emulator playing Discord
 * and signing each request: what one replica keeps, the other sees; jobs run once, on the leader, and
 * survive its death; a rolling restart under load fails no interaction. Multi-process and slow, so
 * it is its own suite (`npm run test:service`), run by .ci/run after `npm test`.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotProcess } from '../../harness/botProcess.js';
import {
  applicationKeys,
  DiscordEmulator,
  type DispatchedInteraction,
  type HttpTarget,
  type Json,
  postSigned,
} from '../../harness/emulator/index.js';
import { freePort } from '../../harness/freePort.js';
import { TestPostgres } from '../../harness/postgres.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { buttonsOf, buttonWith, EPHEMERAL, messageText, settle, unbold } from '../helpers/discordView.js';
import { TURNIP_ARTICLE, TURNIP_QUESTION } from '../helpers/turnipArticle.js';
import { until } from '../helpers/until.js';

interface Replica {
  name: string;
  bot: BotProcess;
  port: number;
  opsPort: number;
  target: HttpTarget;
}

const keys = applicationKeys();
let emu: DiscordEmulator;
let postgres: TestPostgres;
let databaseUrl: string;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;
const replicas = new Map<string, Replica>();
/** Timings for the note: propagation, takeover, restart. */
const timings: Record<string, number> = {};

async function startReplica(name: string, ports?: { port: number; opsPort: number }): Promise<Replica> {
  const port = ports?.port ?? (await freePort());
  const opsPort = ports?.opsPort ?? (await freePort());
  const bot = await BotProcess.start(
    emu,
    {
      INTERACTIONS_MODE: 'http',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HTTP_PORT: String(port),
      OPS_PORT: String(opsPort),
      DATABASE_URL: databaseUrl,
      COOLDOWN_QUESTIONS: '2',
      COOLDOWN_SECONDS: '60',
      LOG_ID_SALT: 'replicas-share-one-salt',
    },
    ws,
  );
  const replica = {
    name,
    bot,
    port,
    opsPort,
    target: { url: `http://127.0.0.1:${port}/interactions`, privateKey: keys.privateKey },
  };
  replicas.set(name, replica);
  return replica;
}

const replica = (name: string) => replicas.get(name) as Replica;
/** The load balancer picks `r` for the next interactions. */
const via = (r: Replica) => {
  emu.httpTarget = r.target;
  return r;
};
const member = (username: string) => emu.createMember({ username, roles: [emu.world.roles.member] });
const ask = (r: Replica, question: string, who: Json) =>
  settle(emu, via(r).bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }], { member: who }),
  );
const leaderOf = () =>
  [...replicas.values()].filter(
    (r) => r.bot.running && r.bot.logs.some((l) => String(l.msg).startsWith('leading:')),
  );

before(async () => {
  emu = new DiscordEmulator();
  await emu.start();
  postgres = await TestPostgres.start();
  databaseUrl = await postgres.createDatabase('replicas');
  ws = await tempWorkspace();
  // One after the other, as a deployment rolls out: the first migrates and indexes, the second finds both done.
  await startReplica('a');
  await startReplica('b');
});

after(async () => {
  for (const r of replicas.values()) await r.bot.stop();
  await ws?.cleanup();
  await postgres?.stop();
  await emu?.stop();
  console.log(`replica timings (ms): ${JSON.stringify(timings)}`);
});

const QUESTION = 'What did the OSCE chair offer?';

test('two replicas on one database: one of them leads, nothing is written to state.db', async () => {
  await until('a leader', () => (leaderOf().length > 0 ? true : undefined), 15_000);
  await sleep(500);
  assert.equal(leaderOf().length, 1, 'exactly one leader');
  const { readdir } = await import('node:fs/promises');
  assert.ok(!(await readdir(ws.dataDir)).includes('state.db'));
  for (const r of replicas.values()) {
    const ready = await fetch(`http://127.0.0.1:${r.opsPort}/readyz`);
    assert.equal(ready.status, 200, `${r.name} is ready`);
  }
});

test('a button of an answer given by one replica, pressed on the other, finds its question', async () => {
  const asker = member('button-asker');
  const asked = await ask(replica('a'), QUESTION, asker);
  assert.equal(asked.log.outcome, 'answered');
  const message = emu.originalMessage(asked.interaction) as Json;
  const more = await settle(emu, via(replica('b')).bot, () =>
    emu.button(buttonWith(message, 'more').custom_id, message, { member: asker }),
  );
  assert.notEqual(more.log.outcome, 'expired', messageText(more.data));
  assert.notEqual(more.log.outcome, 'invalid');
});

test('the cooldown is one per member across replicas', async () => {
  const quick = member('quick-asker');
  assert.equal((await ask(replica('a'), QUESTION, quick)).log.outcome, 'answered');
  assert.equal((await ask(replica('b'), QUESTION, quick)).log.outcome, 'answered');
  const third = await ask(replica('a'), QUESTION, quick);
  assert.equal(third.log.outcome, 'refused');
  assert.match(third.data.content ?? '', /You're asking quickly; try again in \d+ s\./);
});

const UNCOVERED = TURNIP_QUESTION;
const ARTICLE = TURNIP_ARTICLE;
const waiting = member('waiting-member');

test('a gap recorded on one replica is listed on the other, and Tell me pressed there is kept', async () => {
  const asked = await ask(replica('a'), UNCOVERED, waiting);
  assert.match(asked.data.embeds[0]?.title ?? '', /^Not found/);
  const tellMe = buttonsOf(asked.data).find((b) => b.label === 'Tell me when this is covered');
  assert.ok(tellMe);
  const message = emu.originalMessage(asked.interaction) as Json;
  const pressed = await settle(emu, via(replica('b')).bot, () =>
    emu.button(tellMe.custom_id, message, { member: waiting }),
  );
  assert.equal(pressed.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(pressed.data.content ?? '', /tell you/i);
  const gaps = await settle(emu, via(replica('b')).bot, () =>
    emu.chatInput('knowledge', [], { subcommand: 'gaps', member: emu.members.moderator }),
  );
  assert.match(messageText(gaps.data), /zeppelin festival for turnips/);
});

test('a /reindex on one replica is served by the other within 5 s, and the waiting member is told once', async () => {
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), ARTICLE);
  const b = replica('b');
  const a = replica('a');
  const from = a.bot.logs.length;
  const reindexed = await settle(emu, via(b).bot, () =>
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
  );
  assert.notEqual(reindexed.log.outcome, 'invalid', messageText(reindexed.data));
  const done = await b.bot.waitForLog((l) => l.msg === 'reindex finished', 15_000);
  const doneAt = Number(done.time);
  const followed = await a.bot.waitForLog(
    (l) => l.msg === 'index saved by another process now serves',
    5_000,
    from,
  );
  timings.propagationMs = Number(followed.time) - doneAt;
  assert.ok(timings.propagationMs < 5_000, `served by the other replica ${timings.propagationMs} ms later`);
  const answered = await ask(a, UNCOVERED, member('after-reindex'));
  assert.equal(answered.log.outcome, 'answered');
  assert.match(unbold(messageText(answered.data)), /zeppelin festival for turnips was held in/);
  const told = await until('the Tell me notice', () => {
    const dms = emu.directMessages(waiting.user as Json);
    return dms.length > 0 ? dms : undefined;
  });
  await sleep(1000);
  assert.equal(emu.directMessages(waiting.user as Json).length, 1, 'told once, by one replica');
  assert.match(messageText(told[0]), /Turnip zeppelin festival — Field Wire, 2020-09-20/);
});

test('the leader killed with kill -9: another replica takes its jobs over within 30 s', async () => {
  const [leader] = leaderOf();
  assert.ok(leader);
  const other = [...replicas.values()].find((r) => r !== leader) as Replica;
  const from = other.bot.logs.length;
  const killedAt = Date.now();
  leader.bot.signal('SIGKILL');
  assert.ok(await leader.bot.waitForExit(5_000));
  const took = await other.bot.waitForLog((l) => String(l.msg).startsWith('leading:'), 30_000, from);
  timings.takeoverMs = Number(took.time) - killedAt;
  assert.ok(timings.takeoverMs < 30_000);
  // The dead one comes back as a follower, on its ports.
  const back = await startReplica(leader.name, { port: leader.port, opsPort: leader.opsPort });
  await sleep(1000);
  assert.ok(!back.bot.logs.some((l) => String(l.msg).startsWith('leading:')), 'it follows now');
});

test('a rolling restart of both replicas under load fails no interaction', async () => {
  const ready = new Map<string, boolean>();
  let probing = true;
  const probe = (async () => {
    while (probing) {
      await Promise.all(
        [...replicas.values()].map(async (r) => {
          const ok = await fetch(`http://127.0.0.1:${r.opsPort}/readyz`).then(
            (res) => res.ok,
            () => false,
          );
          ready.set(r.name, ok);
        }),
      );
      await sleep(100);
    }
  })();
  const sent: DispatchedInteraction[] = [];
  let loading = true;
  const load = (async () => {
    // Bounded: at most 400 interactions, one every 50 ms, to whichever replica /readyz says is ready.
    for (let i = 0; loading && i < 400; i++) {
      const up = [...replicas.values()].filter((r) => ready.get(r.name));
      if (up.length > 0) {
        via(up[i % up.length] as Replica);
        sent.push(emu.chatInput('help', [], { member: emu.members.plain }));
      }
      await sleep(50);
    }
  })();
  await until(
    'both ready in the balancer',
    () => (ready.get('a') && ready.get('b') ? true : undefined),
    10_000,
  );
  const started = Date.now();
  for (const name of ['a', 'b']) {
    const old = replica(name);
    await old.bot.stop();
    assert.equal(old.bot.exitCode, 0, `${name} shut down cleanly`);
    await startReplica(name, { port: old.port, opsPort: old.opsPort });
    await until(`${name} ready again`, () => (ready.get(name) ? true : undefined), 15_000);
  }
  timings.rollingRestartMs = Date.now() - started;
  loading = false;
  await load;
  probing = false;
  await probe;
  await sleep(3000);
  const failed = sent.filter((s) => {
    const result = emu.httpResults.get(s.id);
    return !result || result instanceof Error || result.status !== 200 || emu.callbacksFor(s).length !== 1;
  });
  timings.loadInteractions = sent.length;
  assert.ok(sent.length > 50, `load sent ${sent.length}`);
  assert.deepEqual(
    failed.map((s) => String(emu.httpResults.get(s.id) ?? 'no response')),
    [],
    'no interaction failed',
  );
});

test('both replicas refuse unsigned, mis-signed and replayed requests with 401', async () => {
  const ping = JSON.stringify({ id: '1', type: 1, token: 't', version: 1 });
  const forger = applicationKeys();
  for (const r of replicas.values()) {
    assert.equal((await postSigned(r.target, ping)).status, 200);
    assert.equal((await postSigned(r.target, ping, { signature: null })).status, 401);
    assert.equal((await postSigned(r.target, ping, { signWith: forger.privateKey })).status, 401);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    assert.equal((await postSigned(r.target, ping, { timestamp: old })).status, 401);
  }
});
