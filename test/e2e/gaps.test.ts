import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import { BotProcess, type LogLine } from '../../harness/botProcess.js';
import { type CommandOption, DiscordEmulator, type Json } from '../../harness/emulator/index.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { gapGroupKey } from '../../src/gaps/groupKey.js';
import { statePath } from '../../src/state/openState.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import {
  buttonsOf,
  EPHEMERAL,
  messageText,
  NO_MENTIONS,
  settle,
  unbold,
  view,
} from '../helpers/discordView.js';
import { shareBot } from '../helpers/sharedBot.js';
import { TURNIP_ARTICLE, TURNIP_QUESTION } from '../helpers/turnipArticle.js';

let emu: DiscordEmulator;
let bot: BotProcess;

shareBot({ COOLDOWN_QUESTIONS: '100' }, (shared) => {
  ({ emu, bot } = shared);
});

const QUESTION = TURNIP_QUESTION;
const VARIANT = '<@123456789012345678> where was the Zeppelin festival for TURNIPS held';
const PLURAL = 'Zeppelin festivals for turnips: where were they held?';
const OTHER = 'What is the capital of Australia?';
const ARTICLE = TURNIP_ARTICLE;
const QUOTE = /zeppelin festival for turnips was held in Hrodna/;

const userOf = (member: Json) => member.user as Json;
const idOf = (member: Json) => userOf(member).id as string;

function ask(member: Json, question: string, channelId?: string) {
  return settle(emu, bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }], {
      member,
      ...(channelId ? { channelId } : {}),
    }),
  );
}

/** Asks, gets "not found" with the Tell me button, and returns the button and the reply. */
async function askUncovered(member: Json, question: string, channelId?: string) {
  const asked = await ask(member, question, channelId);
  assert.match(asked.data.embeds[0]?.title ?? '', /^Not found/);
  assert.equal(asked.data.flags & EPHEMERAL, EPHEMERAL);
  const tellMe = buttonsOf(asked.data).filter((b) => b.label === 'Tell me when this is covered');
  assert.equal(tellMe.length, 1, JSON.stringify(asked.data.components));
  const message = emu.originalMessage(asked.interaction) as Json;
  return { customId: tellMe[0]?.custom_id as string, message };
}

const press = (customId: string, message: Json, member: Json, channelId?: string) =>
  settle(emu, bot, () => emu.button(customId, message, { member, ...(channelId ? { channelId } : {}) }));

const gaps = (member = emu.members.moderator) =>
  settle(emu, bot, () => emu.chatInput('knowledge', [], { subcommand: 'gaps', member }));

const forgetMe = (member: Json) => settle(emu, bot, () => emu.chatInput('forget-me', [], { member }));

function addDocument(filename: string, body: string) {
  const attachment = emu.registerAttachment(filename, Buffer.from(body), 'text/markdown');
  const option: CommandOption = { name: 'file', type: 11, value: attachment.id };
  return emu.chatInput('knowledge', [option], { subcommand: 'add', member: emu.members.moderator });
}

/** The run that asks the pending questions again after the reindex started from log line `from`. */
function reasked(from: number): Promise<LogLine> {
  return bot.waitForLog((l) => l.msg === 'unanswered questions asked again', 15_000, from);
}

/** Bodies of the messages the bot posted to a channel itself (not interaction replies), delivered. */
const posted = (channelId: string): Json[] =>
  emu.requests
    .filter((r) => r.name === 'createMessage' && r.params.channelId === channelId && r.status === 200)
    .map((r) => r.body as Json);

let alice: Json;
let bob: Json;
let carol: Json;
let thread: Json;

test('a "not found" offers Tell me; pressing it keeps the member waiting, privately, and twice is once', async () => {
  alice = emu.createMember({ username: 'alice', roles: [emu.roles.member] });
  bob = emu.createMember({ username: 'bob', roles: [emu.roles.member] });
  carol = emu.createMember({ username: 'carol', roles: [emu.roles.member] });
  thread = emu.addThread('questions');

  const a = await askUncovered(alice, QUESTION);
  const first = await press(a.customId, a.message, alice);
  assert.equal(first.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(first.data.content, /I'll tell you once the knowledge covers/);
  assert.match(first.data.content, /\/forget-me/);
  const again = await press(a.customId, a.message, alice);
  assert.match(again.data.content, /already on the list/);

  // Another member pressing (or forging) Alice's button learns nothing of her question.
  const forged = await press(a.customId, a.message, carol);
  assert.doesNotMatch(forged.data.content, /zeppelin/i);
  assert.match(forged.data.content, /This button no longer works for you/);

  // Bob asks the same in other words, in a thread, and his DMs are closed.
  const b = await askUncovered(bob, VARIANT, thread.id as string);
  await press(b.customId, b.message, bob, thread.id as string);
  emu.setDmsClosed(userOf(bob));
  // Carol asks it too but does not press; and asks something else.
  await askUncovered(carol, PLURAL);
  await askUncovered(carol, OTHER);
});

test('/knowledge gaps lists unanswered questions grouped, most asked first, with counts and when last', async () => {
  const { data } = await gaps();
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  const text = messageText(data);
  const zeppelin = text.indexOf('Zeppelin festivals for turnips');
  const australia = text.indexOf('capital of Australia');
  assert.ok(zeppelin !== -1 && australia !== -1, text);
  assert.ok(zeppelin < australia, 'the question three members asked comes first');
  assert.match(
    text,
    /\*\*1\.\*\* Zeppelin festivals for turnips: where were they held\?\n3 members · 2 waiting to be told · last asked <t:\d+:R>/,
  );
  assert.match(text, /\*\*2\.\*\* What is the capital of Australia\?\n1 member · last asked <t:\d+:R>/);
  assert.doesNotMatch(text, /<@123456789012345678>/, 'the mention in a question is not shown as one');
  assert.match(data.embeds[0]?.footer?.text ?? '', /2 questions .* 4 asks/);
});

test('/knowledge gaps is refused to a member', async () => {
  const { data, log } = await gaps(carol);
  assert.equal(log.outcome, 'refused');
  assert.match(data.content, /only moderators can list unanswered questions/);
  assert.doesNotMatch(messageText(data), /zeppelin/i);
});

test('once a moderator adds a document that answers, each waiting member is told once: a DM, or a mention', async () => {
  const from = bot.logs.length;
  const added = addDocument('turnips.md', ARTICLE);
  await emu.waitForMessages(added, (ms) => ms.some((m) => /Document added/.test(messageText(m))), {
    timeoutMs: 15_000,
  });
  const run = await reasked(from);
  assert.deepEqual(
    { answered: run.answered, dm: run.dm, mention: run.mention, failed: run.failed },
    { answered: 3, dm: 1, mention: 1, failed: 0 },
  );

  const dms = emu.directMessages(userOf(alice));
  assert.equal(dms.length, 1, 'exactly one DM');
  const dm = view(dms[0]);
  assert.match(unbold(messageText(dm)), QUOTE);
  assert.match(messageText(dm), /Turnip zeppelin festival — Field Wire, 2020-09-20/);
  assert.match(dm.content, /Where was the zeppelin festival for turnips held\?/);
  const dmRequests = posted(dm.channel_id);
  assert.equal(dmRequests.length, 1);
  assert.deepEqual(dmRequests[0]?.allowed_mentions, NO_MENTIONS);

  assert.deepEqual(emu.directMessages(userOf(bob)), [], "Bob's DMs are closed");
  const mentions = posted(thread.id as string);
  assert.equal(mentions.length, 1, 'one mention, in the thread where Bob asked');
  const mention = view(mentions[0]);
  assert.ok(mention.content.startsWith(`<@${idOf(bob)}> `), mention.content);
  assert.match(mention.content, /Turnip zeppelin festival/);
  assert.doesNotMatch(mention.content, /where was/i, 'his question stays private');
  assert.deepEqual(mention.allowed_mentions, { users: [idOf(bob)] });
  assert.deepEqual(posted(emu.channelId), [], 'nothing in the main channel');

  // Answered questions leave the list.
  const after = messageText((await gaps()).data);
  assert.doesNotMatch(after, /zeppelin/i);
  assert.match(after, /capital of Australia/);

  // Another change of the knowledge tells no one again.
  const next = bot.logs.length;
  const second = addDocument(
    'barges.md',
    'The port authority of Gdansk reported that forty seven grain barges waited at the northern quay while inspectors checked the cargo of sunflower seed for moisture and pests during the long autumn.\n',
  );
  await emu.waitForMessages(second, (ms) => ms.some((m) => /Document added/.test(messageText(m))), {
    timeoutMs: 15_000,
  });
  const quiet = await reasked(next);
  assert.deepEqual([quiet.answered, quiet.dm, quiet.mention], [0, 0, 0]);
  assert.equal(emu.directMessages(userOf(alice)).length, 1);
  assert.equal(posted(thread.id as string).length, 1);
});

test("/forget-me removes the member's questions and requests, with counts; then gaps is empty", async () => {
  const c = await askUncovered(carol, 'Who designed the new opera house in Oslo?');
  await press(c.customId, c.message, carol);
  const answered = await ask(carol, QUESTION);
  const helpful = buttonsOf(answered.data).find((b) => b.label === 'Helpful');
  assert.ok(helpful, 'the question is covered now');
  await press(helpful.custom_id, emu.originalMessage(answered.interaction) as Json, carol);
  const { data } = await forgetMe(carol);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  // The three questions Carol asked (answered or not: each miss is kept once, as its question), her
  // request, and her vote.
  assert.match(
    data.content,
    /removed 3 unanswered questions, 1 "tell me" request and 1 vote, flag or not-found record/,
  );
  const empty = await gaps();
  assert.match(messageText(empty.data), /No unanswered questions are waiting/);
  const pressedAgain = await press(c.customId, c.message, carol);
  assert.match(pressedAgain.data.content, /This button no longer works for you/);
  assert.match((await forgetMe(carol)).data.content, /I keep nothing of yours/);
});

test('at start the bot tells the members a restart left waiting, and asks again what changed while it was stopped, once', async (t) => {
  const local = new DiscordEmulator();
  await local.start();
  const ws = await tempWorkspace();
  t.after(async () => {
    await local.stop();
    await ws.cleanup();
  });
  const member = local.createMember({ username: 'dora', roles: [local.roles.member] });
  const userId = idOf(member);
  const where = { memberId: userId, channelId: local.channelId, threadId: null };
  await mkdir(ws.dataDir, { recursive: true });
  const state = SqliteState.open({ path: statePath(ws.dataDir) });
  const keep = (query: string) =>
    state.gaps.recordUnanswered({ groupKey: gapGroupKey(query), query, member: 'hd' });
  // Marked answered, then the bot stopped before telling her.
  const told = await keep('Where was Navalny evacuated to?');
  await state.gaps.subscribe({ questionId: told, member: 'hd', ...where });
  await state.gaps.markAnswered([told]);
  // Answerable by a document added while the bot was stopped (here: there from the start).
  const pending = await keep('Did Russia offer Lukashenko military help?');
  await state.gaps.subscribe({ questionId: pending, member: 'hd', ...where });
  await keep('What is the capital of Australia?');
  await state.close();

  const first = await BotProcess.start(local, { COOLDOWN_QUESTIONS: '100' }, ws);
  try {
    const run = await first.waitForLog((l) => l.msg === 'unanswered questions asked again', 15_000);
    assert.deepEqual([run.asked, run.answered, run.dm, run.mention], [2, 1, 1, 0], 'one DM for both');
  } finally {
    await first.stop();
  }
  const dms = local.directMessages(userOf(member)).map((m) => unbold(messageText(m)));
  assert.equal(dms.length, 1, 'one notice listing both questions');
  assert.match(dms.join('\n'), /The knowledge now covers 2 questions you asked me to watch/);
  assert.match(dms.join('\n'), /Where was Navalny evacuated to\?/);
  assert.match(dms.join('\n'), /Omsk to Berlin/);
  assert.match(dms.join('\n'), /Did Russia offer Lukashenko military help\?/);

  const second = await BotProcess.start(local, { COOLDOWN_QUESTIONS: '100' }, ws);
  try {
    const run = await second.waitForLog((l) => l.msg === 'unanswered questions asked again', 15_000);
    assert.deepEqual([run.asked, run.answered, run.dm, run.mention], [1, 0, 0, 0]);
  } finally {
    await second.stop();
  }
  assert.equal(local.directMessages(userOf(member)).length, 1, 'a restart tells no one twice');
});
