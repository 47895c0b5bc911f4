import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import {
  BOT_PERMISSIONS,
  type CommandOption,
  type DiscordEmulator,
  type InteractionOptions,
  type Json,
  Permission,
} from '../../harness/emulator/index.js';
import { openThreadId, shareId } from '../../src/discord/customIds.js';
import {
  bodyOf,
  buttonsOfFamily,
  buttonWith,
  EPHEMERAL,
  embedText,
  type MessageView,
  NO_MENTIONS,
  ranksIn,
  requestsAfter,
  settle,
  view,
} from '../helpers/discordView.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

// Every test asks; the per-member cooldown (5 per 30 s by default) has its own tests.
shareBot({ COOLDOWN_QUESTIONS: '100' }, (shared) => {
  ({ emu, bot } = shared);
});

const QUESTION = 'What did the OSCE chair offer?';
const CLAIM = 'I read that Lukashenko won 80.1% of the vote in the election.';

/** Requests that create a thread, of either kind. */
const threadCreations = (seq: number) => [
  ...requestsAfter(emu, seq, 'startThreadFromMessage'),
  ...requestsAfter(emu, seq, 'startThread'),
];

async function ask(question: string, opts: InteractionOptions = {}, extra: CommandOption[] = []) {
  const done = await settle(emu, bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }, ...extra], opts),
  );
  const message = emu.originalMessage(done.interaction);
  assert.ok(message, 'the answer is a message');
  return { ...done, message };
}

const findSources = (target: Json | string, opts: InteractionOptions = {}) =>
  settle(emu, bot, () => emu.messageContextMenu('Find sources', target, opts));

/** The ephemeral confirmation "Posted N …(s) in <#thread>" after a deferral, and the thread it names. */
function posted(done: Awaited<ReturnType<typeof settle>>, noun: 'citation' | 'source') {
  assert.equal(done.callback.type, 5, 'deferred while posting');
  assert.equal(Number(done.callback.data?.flags) & EPHEMERAL, EPHEMERAL);
  const reply = view(emu.originalMessage(done.interaction));
  assert.equal(reply.flags & EPHEMERAL, EPHEMERAL);
  const m = new RegExp(`^Posted (\\d+) ${noun}\\(s\\) in <#(\\d+)>\\.$`).exec(reply.content);
  assert.ok(m, reply.content);
  return { count: Number(m[1]), threadId: m[2] as string };
}

/** The citations the bot posted after `seq`: all in `channelId`, each one embed with passage, source and id. */
function citationPosts(seq: number, channelId: string): MessageView[] {
  const posts = requestsAfter(emu, seq, 'createMessage');
  for (const post of posts) assert.equal(post.route, `/channels/${channelId}/messages`);
  const bodies = posts.map(bodyOf);
  for (const [k, body] of bodies.entries()) {
    assert.deepEqual(body.allowed_mentions, NO_MENTIONS);
    assert.equal(body.embeds.length, 1);
    assert.match(body.embeds[0]?.description ?? '', /\S[\s\S]*\n\n\[\d+\] [^\n]+ — [^\n]+$/);
    assert.deepEqual(ranksIn(body.embeds[0]?.description ?? ''), [k + 1]);
    assert.match(body.embeds[0]?.footer?.text ?? '', /^passage [0-9a-f]{12}$/);
  }
  return bodies;
}

test('/ask in a thread answers in the thread, and "Post citations here" posts into it', async () => {
  const thread = emu.addThread('election questions');
  const threadId = thread.id as string;
  const { callback, data, message } = await ask(QUESTION, { channelId: threadId });
  assert.equal(callback.type, 4, 'the answer is the interaction reply');
  assert.equal(data.flags & EPHEMERAL, 0);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.equal(message.channel_id, threadId, 'it is in the thread');
  assert.match(embedText(data), /\[1\] .* — GlobalSecurity\.org, 2020-08-26/);
  const button = buttonWith(message, 'thread');
  assert.equal(button.label, 'Post citations here');

  const seq = emu.recorder.lastSeq;
  const done = await settle(emu, bot, () => emu.button(button.custom_id, message));
  const { count, threadId: target } = posted(done, 'citation');
  assert.equal(target, threadId, 'the same thread');
  assert.equal(count, 1);
  assert.deepEqual(threadCreations(seq), [], 'no new thread');
  const [citation] = citationPosts(seq, threadId);
  assert.match(
    citation?.embeds[0]?.description ?? '',
    /accept the \*\*OSCE\*\* \*\*chair's\*\* \*\*offer\*\*/,
  );
  const last = view(emu.channelMessages(threadId).at(-1));
  assert.equal(
    last.embeds[0]?.footer?.text,
    citation?.embeds[0]?.footer?.text,
    'the citation is in the thread',
  );
  assert.equal(done.log.outcome, 'answered');
});

test('a private /ask in a thread posts nothing into the thread: no button, and a forged press is refused', async () => {
  const thread = emu.addThread('private questions');
  const threadId = thread.id as string;
  const { data, message } = await ask(QUESTION, { channelId: threadId }, [
    { name: 'private', type: 5, value: true },
  ]);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(buttonsOfFamily(data, 'thread'), [], 'no Post citations here');
  const key = shareId.parse(buttonWith(data, 'share').custom_id)?.key;
  assert.ok(key);
  const seq = emu.recorder.lastSeq;
  const done = await settle(emu, bot, () => emu.button(openThreadId.build({ key, offset: 0 }), message));
  assert.equal(done.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(done.data.content, /^This answer is private\. Share it first/);
  assert.equal(done.log.outcome, 'refused');
  assert.deepEqual(threadCreations(seq), []);
  assert.deepEqual(requestsAfter(emu, seq, 'createMessage'), [], 'nothing posted in the thread');
});

test('Find sources on a channel message opens a thread on it and posts the citations there', async () => {
  const target = emu.postMessage(CLAIM);
  const seq = emu.recorder.lastSeq;
  const done = await findSources(target);
  const { count, threadId } = posted(done, 'source');
  assert.equal(done.log.command, 'Find sources');
  assert.equal(done.log.outcome, 'answered');
  assert.equal(done.log.results, count);
  const created = threadCreations(seq);
  assert.equal(created.length, 1);
  assert.equal(created[0]?.route, `/channels/${emu.channelId}/messages/${target.id}/threads`);
  assert.equal((created[0]?.body as Json | undefined)?.name, `Sources: ${CLAIM}`);
  assert.equal(threadId, target.id, 'the thread hangs on the message');
  const citations = citationPosts(seq, threadId);
  assert.equal(citations.length, count);
  assert.ok(count >= 1);
  assert.match(
    citations[0]?.embeds[0]?.description ?? '',
    /\*\*Lukashenko\*\* \*\*won\*\* \*\*80\.1\*\*% of the \*\*vote\*\*/,
  );
  assert.equal(emu.channelMessages(threadId).length, count);
  const edit = requestsAfter(emu, seq, 'editWebhookMessage');
  assert.deepEqual(bodyOf(edit[0]).allowed_mentions, NO_MENTIONS);

  // Again on the same message: the thread it already has, no second one.
  const again = emu.recorder.lastSeq;
  const second = await findSources(target.id as string);
  assert.equal(posted(second, 'source').threadId, threadId);
  assert.deepEqual(threadCreations(again), []);
  assert.equal(citationPosts(again, threadId).length, count);
});

test('Find sources on a message inside a thread posts in that thread', async () => {
  const thread = emu.addThread('claims');
  const threadId = thread.id as string;
  const target = emu.postMessage(CLAIM, { channelId: threadId });
  const seq = emu.recorder.lastSeq;
  const done = await findSources(target);
  const { count, threadId: where } = posted(done, 'source');
  assert.equal(where, threadId);
  assert.deepEqual(threadCreations(seq), []);
  assert.equal(citationPosts(seq, threadId).length, count);
});

const GRANT =
  "A server admin can grant it to my role (Server Settings → Roles) or in this channel's settings (Edit Channel → Permissions).";

/** The deferred reply's final text: what the member reads after the bot gave up. */
async function finalText(done: Awaited<ReturnType<typeof settle>>): Promise<string> {
  assert.equal(done.callback.type, 5, 'deferred while posting');
  return view(emu.originalMessage(done.interaction)).content;
}

test('Open thread without Create Public Threads says which permission the bot lacks and who grants it', async () => {
  const { message } = await ask(QUESTION);
  const button = buttonWith(message, 'thread');
  const seq = emu.recorder.lastSeq;
  emu.denyNext('startThreadFromMessage');
  const appPermissions = BOT_PERMISSIONS & ~Permission.CreatePublicThreads;
  const done = await settle(emu, bot, () => emu.button(button.custom_id, message, { appPermissions }));
  assert.equal(
    await finalText(done),
    `I can't open a thread on that message: I lack the Create Public Threads permission in this channel. ${GRANT}`,
  );
  assert.equal(done.log.outcome, 'refused');
  assert.deepEqual(
    requestsAfter(emu, seq, 'startThreadFromMessage').map((r) => r.status),
    [403],
  );
  assert.deepEqual(requestsAfter(emu, seq, 'createMessage'), [], 'nothing posted');
  assert.ok(!bot.logs.slice(-5).some((l) => l.level >= 50), 'a server setting, not logged as a bot error');

  // Once the permission is granted, the same button works.
  const again = await settle(emu, bot, () => emu.button(button.custom_id, message));
  assert.equal(posted(again, 'citation').threadId, message.id);
});

test('Find sources that may not post in the thread names Send Messages in Threads', async () => {
  const target = emu.postMessage(CLAIM);
  const seq = emu.recorder.lastSeq;
  emu.denyNext('createMessage');
  const appPermissions = BOT_PERMISSIONS & ~Permission.SendMessagesInThreads;
  const done = await findSources(target, { appPermissions });
  assert.equal(
    await finalText(done),
    `I can't post in that thread: I lack the Send Messages in Threads permission in this channel. ${GRANT}`,
  );
  assert.equal(done.log.outcome, 'refused');
  assert.deepEqual(
    requestsAfter(emu, seq, 'createMessage').map((r) => r.status),
    [403],
  );
});

test("a denial the interaction's permissions do not explain (a channel override) names what the action needs", async () => {
  const { message } = await ask(QUESTION);
  emu.denyNext('startThreadFromMessage', { code: 50001 });
  const done = await settle(emu, bot, () => emu.button(buttonWith(message, 'thread').custom_id, message));
  assert.equal(
    await finalText(done),
    "I can't open a thread on that message: Discord says I lack a permission for it in this channel; it needs View Channel, Create Public Threads and Read Message History. A server admin can grant them to my role (Server Settings → Roles) or in this channel's settings (Edit Channel → Permissions).",
  );
  assert.equal(done.log.outcome, 'refused');
});
