import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { BotProcess } from '../../harness/botProcess.js';
import { type CommandOption, DiscordEmulator, type Json } from '../../harness/emulator/index.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { articlePage, TRAM_PARAGRAPHS } from '../helpers/articlePages.js';
import {
  askedText,
  bodyOf,
  buttonsOf,
  EPHEMERAL,
  type MessageView,
  messageText,
  NO_MENTIONS,
  requestsAfter,
  settle,
  view,
} from '../helpers/discordView.js';
import { changingFeed, type FeedEntry, MALFORMED_FEED, rss } from '../helpers/feedServer.js';
import { type PageServer, page, startPageServer } from '../helpers/pageServer.js';
import { until } from '../helpers/until.js';

const BAKERY = [
  'The Vitebsk bread factory halted its night shift on Tuesday after a shortage of rye flour, the plant manager told reporters outside the gates.',
  'Bakers said deliveries from the mill in Orsha had been cut by half since the start of the month, and the stores were nearly empty.',
  '“We have never had to turn the ovens off in August,” said Pavel Zhuk, a baker with twenty years at the factory.',
  'The regional administration promised extra flour by the weekend but gave no figures on how much would arrive.',
  'Shops in the city centre limited customers to two loaves each on Wednesday morning, and queues formed before opening.',
];
const ZOO = [
  'The Brest zoo moved its two elephants to a heated barn on Thursday after the boiler house that warms the elephant enclosure failed, the zoo director said.',
  'Keepers worked through the night to carry hay and water to the barn, and a vet checked both animals at dawn.',
  '“The animals are calm and eating well,” said Iryna Maroz, who has looked after the elephants since 2015.',
  'Engineers expect the boiler house to be repaired within ten days, once a replacement pump arrives from Minsk.',
  'The zoo stays open, but the elephant house is closed to visitors until the repairs are finished.',
];
const TRAM_QUESTION = 'Why did the Grodno tram drivers walk out?';
const BAKERY_QUESTION = 'Why did the Vitebsk bread factory halt its night shift?';
const ZOO_QUESTION = 'Where did the Brest zoo move its elephants?';

let emu: DiscordEmulator;
let server: PageServer;
let reviewId: string;
const feed = changingFeed(rss('Grodno Daily', []));
const crashFeed = changingFeed(rss('Brest Evening', []));
const backfillFeed = changingFeed(rss('Minsk Wire', []));
let floodRequests = 0;

/** An article of its own for every update number (no two share a URL or a text). */
function update(req: IncomingMessage, res: ServerResponse) {
  const n = new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? '0';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    articlePage({ title: `Flood update ${n}`, paragraphs: TRAM_PARAGRAPHS.map((p) => `Update ${n}: ${p}`) }),
  );
}

/** A feed whose five items come with new guids and links at every request. */
function floodFeed(_req: IncomingMessage, res: ServerResponse) {
  floodRequests++;
  const items = Array.from({ length: 5 }, (_, i) => {
    const n = floodRequests * 10 + i;
    return {
      guid: `f-${n}`,
      link: server.url(`/update?n=${n}`),
      title: `Update ${n}`,
      published: new Date().toUTCString(),
    };
  });
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  res.end(rss('Flood Wire', items));
}

const item = (path: string, n: number): FeedEntry => ({
  guid: `${path}-${n}`,
  link: server.url(path),
  title: path.slice(1),
  published: new Date(Date.UTC(2020, 8, 14, n)).toUTCString(),
});

before(async () => {
  emu = new DiscordEmulator();
  reviewId = emu.addChannel('feed-review').id as string;
  await emu.start();
  server = await startPageServer({
    '/feed': feed.handler,
    '/crash-feed': crashFeed.handler,
    '/malformed': page(MALFORMED_FEED, 'application/rss+xml'),
    '/old-news': page(articlePage({ title: 'Old news', paragraphs: BAKERY.map((p) => `Last year: ${p}`) })),
    '/grodno-trams': page(articlePage()),
    '/grodno-trams-copy': page(articlePage()),
    '/vitebsk-bakery': page(articlePage({ title: 'Vitebsk bakery stops night shift', paragraphs: BAKERY })),
    '/brest-zoo': page(articlePage({ title: 'Brest zoo moves elephants', paragraphs: ZOO })),
    '/backfill': backfillFeed.handler,
    '/flood': floodFeed,
    '/update': update,
    '/metro-1': page(
      articlePage({
        title: 'Minsk metro closes one station',
        paragraphs: TRAM_PARAGRAPHS.map((p) => `One: ${p}`),
      }),
    ),
    '/metro-2': page(
      articlePage({
        title: 'Minsk metro closes two stations',
        paragraphs: TRAM_PARAGRAPHS.map((p) => `Two: ${p}`),
      }),
    ),
    '/metro-3': page(
      articlePage({
        title: 'Minsk metro closes three stations',
        paragraphs: TRAM_PARAGRAPHS.map((p) => `Three: ${p}`),
      }),
    ),
  });
  feed.set(rss('Grodno Daily', [item('/old-news', 1)]));
});
after(async () => {
  await server?.close();
  await emu?.stop();
});

const ENV = {
  COOLDOWN_QUESTIONS: '100',
  FETCH_ALLOW_PRIVATE: 'true',
  CRISIS_DESK_FEED_POLL_MS: '200',
};

const feeds = (subcommand: string, options: CommandOption[] = [], member = emu.members.moderator) =>
  emu.chatInput('feeds', options, { subcommand, member });
const str = (name: string, value: string): CommandOption => ({ name, type: 3, value });
const int = (name: string, value: number): CommandOption => ({ name, type: 4, value });

/** The final text of a /feeds reply (deferred ones are edited). */
async function feedsReply(bot: BotProcess, dispatch: () => ReturnType<typeof feeds>): Promise<MessageView> {
  const { interaction, data } = await settle(emu, bot, dispatch);
  const [message] = emu.messagesFor(interaction);
  return message ? view(message) : data;
}

/** What the bot posted in the review channel (not the private replies to clicks there). */
const reviewMessages = () =>
  emu
    .channelMessages(reviewId)
    .map(view)
    .filter((m) => (m.flags & EPHEMERAL) === 0);
const reviewOf = (title: string) =>
  until(`the review of ${title}`, () => reviewMessages().find((m) => messageText(m).includes(title)));
const button = (message: MessageView, label: string) => {
  const found = buttonsOf(message).find((b) => b.label === label);
  assert.ok(found, `no ${label} button on ${messageText(message)}`);
  return found.custom_id;
};
const current = (id: string) => view(emu.channelMessages(reviewId).find((m: Json) => m.id === id));
const asModerator = {
  get member() {
    return emu.members.moderator;
  },
};
const moderatorId = () => (emu.members.moderator.user as Json).id as string;

test('feeds are refused without REVIEW_CHANNEL_ID, saying to set it; members are refused /feeds', async (t) => {
  const bot = await BotProcess.start(emu, ENV);
  t.after(() => bot.stop());
  const refused = await feedsReply(bot, () => feeds('add', [str('url', server.url('/feed'))]));
  assert.match(refused.content, /set `REVIEW_CHANNEL_ID` to a moderators-only channel/);
  for (const sub of ['add', 'list', 'remove']) {
    const options =
      sub === 'add' ? [str('url', server.url('/feed'))] : sub === 'remove' ? [str('feed', '1')] : [];
    const { data } = await settle(emu, bot, () => feeds(sub, options, emu.members.plain));
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
    assert.match(data.content, /only moderators can/);
  }
});

test('feed item → review channel → Approve → answered; Reject → never indexed; a member cannot decide', async (t) => {
  const bot = await BotProcess.start(emu, { ...ENV, REVIEW_CHANNEL_ID: reviewId });
  t.after(() => bot.stop());

  const bad = await feedsReply(bot, () => feeds('add', [str('url', server.url('/malformed'))]));
  assert.match(bad.content, /^No feed was added: the feed is not well-formed XML \(line \d+/);
  const added = await feedsReply(bot, () =>
    feeds('add', [str('url', server.url('/feed')), int('backfill', 0)]),
  );
  assert.match(added.content, /Following \*\*Grodno Daily\*\*/);
  assert.match(added.content, /The 1 item it holds now count as seen/);
  const again = await feedsReply(bot, () => feeds('add', [str('url', server.url('/feed'))]));
  assert.match(again.content, /is followed already/);

  const listed = await feedsReply(bot, () => feeds('list'));
  const listText = messageText(listed);
  assert.match(listText, /\*\*Grodno Daily\*\* — http:\/\/127\.0\.0\.1:\d+\/feed/);
  assert.match(listText, /last poll <t:\d+:R> · ok/);

  // Polls go on meanwhile (conditional: 304): the old item was taken as seen, so nothing is posted for it.
  const asked = feed.requests.length;
  await until('a poll after the add', () =>
    feed.requests.slice(asked).some((r) => r.status === 304) ? true : undefined,
  );
  assert.deepEqual(reviewMessages(), [], 'the first poll queued nothing');

  feed.set(rss('Grodno Daily', [item('/vitebsk-bakery', 3), item('/grodno-trams', 2), item('/old-news', 1)]));
  const tram = await reviewOf('Grodno tram drivers walk out over unpaid wages');
  const bakery = await reviewOf('Vitebsk bakery stops night shift');
  assert.equal(reviewMessages().length, 2);
  const preview = messageText(tram);
  assert.match(preview, /Feed item for review/);
  assert.match(preview, /\*\*Feed:\*\* Grodno Daily/);
  assert.match(preview, /\*\*Passages:\*\* \d+/);
  assert.match(preview, /> .*Grodno tram depot stopped all 14 routes/);
  const posts = requestsAfter(emu, 0, 'createMessage').filter(
    (r) => r.route === `/channels/${reviewId}/messages`,
  );
  assert.equal(posts.length, 2);
  for (const post of posts) assert.deepEqual(bodyOf(post).allowed_mentions, NO_MENTIONS);
  assert.doesNotMatch(await askedText(emu, TRAM_QUESTION), /unpaid wages/, 'not answerable before approval');

  // A member's click is refused privately and changes nothing.
  const memberClick = await settle(emu, bot, () =>
    emu.button(button(tram, 'Approve'), tram.id, { member: emu.members.plain }),
  );
  assert.equal(memberClick.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(memberClick.data.content, /only moderators can approve or reject feed items/);
  assert.equal(buttonsOf(current(tram.id)).length, 2);

  await settle(emu, bot, () => emu.button(button(tram, 'Approve'), tram.id, asModerator));
  const approved = await until('the approval outcome', () => {
    const m = current(tram.id);
    return /added as/.test(messageText(m)) ? m : undefined;
  });
  assert.match(
    messageText(approved),
    new RegExp(
      `\\*\\*Approved\\*\\* by <@${moderatorId()}> <t:\\d+:R> · added as \`[^\`]+\\.md\` \\(\\d+ passages\\)`,
    ),
  );
  assert.deepEqual(buttonsOf(approved), []);
  assert.match(await askedText(emu, TRAM_QUESTION), /unpaid wages/);
  const kept = new Database(join(bot.dataDir, 'state.db'), { readonly: true });
  const deciders = kept
    .prepare("SELECT decided_by FROM review_items WHERE status = 'approved'")
    .pluck()
    .all();
  kept.close();
  assert.equal(deciders.length, 1);
  assert.match(String(deciders[0]), /^[0-9a-f]{12}$/, 'the queue keeps the moderator hashed');
  assert.notEqual(deciders[0], moderatorId());

  // The same article at another address is in the knowledge now: logged, not posted for review.
  const logsFrom = bot.logs.length;
  feed.set(rss('Grodno Daily', [item('/grodno-trams-copy', 4), item('/vitebsk-bakery', 3)]));
  const skipped = await bot.waitForLog(
    (l) => l.msg === 'feed item' && l.outcome === 'duplicate',
    15_000,
    logsFrom,
  );
  assert.equal(skipped.url, server.url('/grodno-trams-copy'));
  assert.equal(reviewMessages().length, 2);

  // A later click is told what was decided and when (the message above names who).
  const late = await settle(emu, bot, () => emu.button(button(tram, 'Reject'), tram.id, asModerator));
  assert.equal(late.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(late.data.content, /^Already decided: \*\*Approved\*\* <t:\d+:R>\.$/);

  await settle(emu, bot, () => emu.button(button(bakery, 'Reject'), bakery.id, asModerator));
  const rejected = current(bakery.id);
  assert.match(messageText(rejected), new RegExp(`\\*\\*Rejected\\*\\* by <@${moderatorId()}>`));
  assert.deepEqual(buttonsOf(rejected), []);
  const files = await readdir(bot.knowledgeDir);
  assert.ok(!files.some((f) => f.includes('vitebsk')), files.join(', '));
  assert.doesNotMatch(await askedText(emu, BAKERY_QUESTION), /rye flour/);

  const choices = async (member: Json) => {
    const cb = await emu.waitForCallback(
      emu.autocomplete('feeds', [str('feed', 'grodno')], { subcommand: 'remove', member }),
    );
    return ((cb.data as { choices?: { name: string; value: string }[] }).choices ?? []).map((c) => c.name);
  };
  assert.deepEqual(await choices(emu.members.plain), [], 'members see no feeds');
  const offered = await choices(emu.members.moderator);
  assert.equal(offered.length, 1);
  assert.match(offered[0]!, /^Grodno Daily — http:\/\/127\.0\.0\.1:\d+\/feed$/);

  const removed = await feedsReply(bot, () => feeds('remove', [str('feed', 'grodno daily')]));
  assert.match(removed.content, /Stopped following \*\*Grodno Daily\*\*/);
  assert.match(messageText(await feedsReply(bot, () => feeds('list'))), /No feeds yet/);
});

test('kill -9 during an approval: after the restart the item is added, never lost', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const env = { ...ENV, REVIEW_CHANNEL_ID: reviewId };
  const doomed = await BotProcess.start(emu, { ...env, CRISIS_DESK_CRASH_AT: 'review:approved' }, ws);
  t.after(() => doomed.stop());
  await feedsReply(doomed, () => feeds('add', [str('url', server.url('/crash-feed'))]));
  crashFeed.set(rss('Brest Evening', [item('/brest-zoo', 5)]));
  const zoo = await reviewOf('Brest zoo moves elephants');
  emu.button(button(zoo, 'Approve'), zoo.id, asModerator);
  assert.ok(await doomed.waitForExit(10_000), 'the bot died');
  assert.equal(doomed.exitSignal, 'SIGKILL');
  assert.match(messageText(current(zoo.id)), /adding…/);

  const bot = await BotProcess.start(emu, env, ws);
  t.after(() => bot.stop());
  await bot.waitForLog((l) => l.msg === 'feed item added to the knowledge', 15_000);
  assert.match(await askedText(emu, ZOO_QUESTION), /heated barn/);
  const shown = await until('the review message updated', () => {
    const m = current(zoo.id);
    return /added as/.test(messageText(m)) ? m : undefined;
  });
  // The restarted bot knows the moderator only hashed: it says what and when, naming nobody.
  assert.match(messageText(shown), /\*\*Approved\*\* <t:\d+:R> · added as/);
});

test('/feeds add offers the newest items at once, long before the next poll', async (t) => {
  const bot = await BotProcess.start(emu, {
    ...ENV,
    REVIEW_CHANNEL_ID: reviewId,
    CRISIS_DESK_FEED_POLL_MS: '60000',
  });
  t.after(() => bot.stop());
  backfillFeed.set(rss('Minsk Wire', [item('/metro-3', 12), item('/metro-2', 11), item('/metro-1', 10)]));
  const added = await feedsReply(bot, () =>
    feeds('add', [str('url', server.url('/backfill')), int('backfill', 2)]),
  );
  assert.match(
    added.content,
    /Its newest 2 items are posted to <#\d+> for a moderator to approve now, the other 1 count as seen/,
  );
  await reviewOf('Minsk metro closes three stations');
  await reviewOf('Minsk metro closes two stations');
  await sleep(500);
  assert.ok(
    !reviewMessages().some((m) => messageText(m).includes('closes one station')),
    'the oldest counts as seen',
  );
});

test('a flooding feed stops at its bound with one notice; /feeds list shows it paused; /feeds remove withdraws its items and pages', async (t) => {
  const bot = await BotProcess.start(emu, { ...ENV, REVIEW_CHANNEL_ID: reviewId });
  t.after(() => bot.stop());
  const before = reviewMessages().length;
  await feedsReply(bot, () => feeds('add', [str('url', server.url('/flood')), int('backfill', 0)]));
  const notices = () => reviewMessages().filter((m) => /^Feed paused$/m.test(messageText(m)));
  const notice = await until('the pause notice', () => notices()[0], 30_000);
  assert.match(
    messageText(notice),
    /\*\*Flood Wire\*\* — http:\/\/127\.0\.0\.1:\d+\/flood is paused: 20 of its items wait/,
  );
  const requests = floodRequests;
  await sleep(1000);
  assert.equal(floodRequests, requests, 'a paused feed is not polled');
  assert.equal(notices().length, 1, 'noticed once');
  const flooded = () => reviewMessages().filter((m) => messageText(m).includes('Flood update'));
  assert.equal(flooded().length, 20, 'one review message per item, the bound and no more');
  assert.equal(reviewMessages().length, before + 21);
  assert.equal((await readdir(join(bot.dataDir, 'review'))).length, 20, 'one kept page per item');

  const listed = messageText(await feedsReply(bot, () => feeds('list')));
  assert.match(listed, /\*\*paused\*\* <t:\d+:R>: 20 of its items wait for review/);
  assert.match(listed, /20 items waiting for review/);

  const removed = await feedsReply(bot, () => feeds('remove', [str('feed', 'Flood Wire')]));
  assert.match(removed.content, /Its 20 items waiting for review were withdrawn/);
  await until('the items withdrawn', () =>
    flooded().every(
      (m) => /Feed item withdrawn/.test(messageText(current(m.id))) && buttonsOf(current(m.id)).length === 0,
    )
      ? true
      : undefined,
  );
  assert.deepEqual(await readdir(join(bot.dataDir, 'review')), []);
});
