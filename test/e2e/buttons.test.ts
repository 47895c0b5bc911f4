import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { CommandOption, DiscordEmulator, Json } from '../../harness/emulator/index.js';
import { openThreadId, shareId, showContextId } from '../../src/discord/customIds.js';
import {
  bodyOf,
  buttonsOf,
  buttonsOfFamily,
  buttonWith,
  contextIds,
  contextParts,
  EPHEMERAL,
  embedText,
  NO_MENTIONS,
  ranksIn,
  requestsAfter,
  settle,
  unbold,
  view,
} from '../helpers/discordView.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

// Every test asks; the per-member cooldown (5 per 30 s by default) has its own tests.
shareBot({ COOLDOWN_QUESTIONS: '100' }, (shared) => {
  ({ emu, bot } = shared);
});

/** Answered by one passage. */
const ONE = 'What did the OSCE chair offer?';
/** Answered by exactly three passages. */
const THREE = 'Did Russia offer Lukashenko military help?';
/** Answered by more passages than fit on one page. */
const MANY = 'What did Biegun say about Belarus?';

async function ask(question: string, extra: CommandOption[] = []) {
  const done = await settle(emu, bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }, ...extra]),
  );
  const message = emu.originalMessage(done.interaction);
  assert.ok(message, 'the answer is a message');
  return { ...done, message };
}

const click = (customId: string, message: Json | string) =>
  settle(emu, bot, () => emu.button(customId, message));

/** Clicks Open thread (or Post citations here) and reads the ephemeral "Posted N citation(s) in <#thread>". */
async function openThread(customId: string, message: Json | string) {
  const done = await click(customId, message);
  const reply = view(emu.originalMessage(done.interaction));
  const threadId = /<#(\d+)>/.exec(reply.content)?.[1];
  assert.ok(threadId, reply.content);
  return { ...done, reply, threadId };
}

test('Open thread starts a thread on the answer and posts each citation in full with its source', async () => {
  const { message } = await ask(THREE);
  const ids = contextIds(message);
  assert.equal(ids.length, 3);
  const button = buttonWith(message, 'thread');
  assert.equal(button.label, 'Open thread');
  const seq = emu.recorder.lastSeq;
  const { callback: deferral, reply, threadId, log } = await openThread(button.custom_id, message);
  assert.equal(deferral.type, 5, 'deferred while the thread is made');
  assert.equal(Number(deferral.data?.flags) & EPHEMERAL, EPHEMERAL);
  assert.equal(log.command, 'button:thread');
  assert.equal(log.outcome, 'answered');
  assert.equal(log.results, 3);
  assert.equal(reply.content, `Posted 3 citation(s) in <#${threadId}>.`);
  assert.equal(reply.flags & EPHEMERAL, EPHEMERAL);
  const edit = requestsAfter(emu, seq, 'editWebhookMessage');
  assert.equal(edit.length, 1);
  assert.deepEqual(bodyOf(edit[0]).allowed_mentions, NO_MENTIONS);

  const created = requestsAfter(emu, seq, 'startThreadFromMessage');
  assert.equal(created.length, 1);
  assert.equal(created[0]?.route, `/channels/${emu.channelId}/messages/${message.id}/threads`);
  assert.equal((created[0]?.body as Json | undefined)?.name, THREE);
  assert.equal(requestsAfter(emu, seq, 'startThread').length, 0);
  assert.equal(threadId, message.id, 'the thread hangs on the answer');

  const posts = requestsAfter(emu, seq, 'createMessage');
  assert.equal(posts.length, 3);
  const inThread = emu.channelMessages(threadId).map(view);
  assert.equal(inThread.length, 3);
  for (const [k, post] of posts.entries()) {
    assert.equal(post.route, `/channels/${threadId}/messages`);
    const body = bodyOf(post);
    assert.deepEqual(body.allowed_mentions, NO_MENTIONS);
    assert.equal(body.embeds.length, 1);
    const embed = body.embeds[0];
    assert.equal(embed?.footer?.text, `passage ${ids[k]}`);
    assert.deepEqual(inThread[k]?.embeds[0]?.description, embed?.description, 'posted in order');
    const m = /^([\s\S]+)\n\n(\[\d+\] [^\n]+ — [^\n]+)$/.exec(embed?.description ?? '');
    assert.ok(m, embed?.description);
    assert.deepEqual(ranksIn(m[2] as string), [k + 1]);
    // The whole passage: the same text the Context button shows in bold.
    const shown = await click(showContextId.build({ passageId: ids[k] as string }), message);
    const context = contextParts(shown.data.embeds[0]?.description ?? '');
    assert.equal(unbold(m[1] as string), context.passage);
    assert.ok(m[2]?.endsWith(context.source), 'the same source');
  }

  const again = emu.recorder.lastSeq;
  const repeat = await openThread(button.custom_id, message.id as string);
  assert.equal(repeat.threadId, threadId, 'a second click posts in the thread the answer already has');
  assert.equal(requestsAfter(emu, again, 'startThreadFromMessage').length, 0);
  assert.equal(requestsAfter(emu, again, 'startThread').length, 0);
  assert.equal(emu.channelMessages(threadId).length, 6);
});

test('Share on a private answer posts it publicly, without a Share button', async () => {
  const { callback: cb, data: secret, message } = await ask(ONE, [{ name: 'private', type: 5, value: true }]);
  assert.equal(cb.type, 4);
  assert.equal(secret.flags & EPHEMERAL, EPHEMERAL);
  const share = buttonWith(message, 'share');
  assert.equal(share.label, 'Share');
  const { interaction: b, callback: shared, data, log } = await click(share.custom_id, message);
  assert.equal(shared.type, 4);
  assert.equal(data.flags & EPHEMERAL, 0, 'public');
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.deepEqual(data.embeds, secret.embeds, 'the same answer');
  assert.deepEqual(buttonsOfFamily(data, 'share'), [], 'no Share on a public answer');
  assert.deepEqual(
    buttonsOf(data).map((x) => x.label),
    ['More sources', 'Open thread', 'Context 1', 'Helpful', 'Not helpful', 'Flag 1'],
  );
  const posted = view(emu.originalMessage(b));
  assert.equal(posted.channel_id, emu.channelId);
  assert.equal(posted.flags & EPHEMERAL, 0);
  assert.match(embedText(posted), /\[1\] .* — GlobalSecurity\.org, 2020-08-26/);
  assert.equal(log.command, 'button:share');
  assert.equal(log.outcome, 'answered');
});

test('Share on a More sources page posts the citations that page shows; its Open thread acts on them', async () => {
  const { message } = await ask(MANY);
  const { interaction: more, data: page } = await click(buttonWith(message, 'more').custom_id, message);
  const pageMessage = emu.originalMessage(more) as Json;
  assert.deepEqual(ranksIn(embedText(page)), [4, 5, 6]);
  const ids = contextIds(page);
  assert.deepEqual(buttonsOfFamily(page, 'thread'), [], 'a private page offers no Open thread');

  const share = buttonWith(page, 'share');
  assert.equal(shareId.parse(share.custom_id)?.offset, 3);
  const { interaction: shareClick, data: shared } = await click(share.custom_id, pageMessage);
  assert.equal(shared.flags & EPHEMERAL, 0);
  assert.deepEqual(shared.allowed_mentions, NO_MENTIONS);
  assert.deepEqual(shared.embeds, page.embeds, 'the page that was shown, not the first one');
  assert.deepEqual(contextIds(shared), ids);

  // The shared message is public: Open thread hangs a thread on it, with the citations of that page.
  const sharedMessage = emu.originalMessage(shareClick) as Json;
  const seq = emu.recorder.lastSeq;
  const thread = buttonWith(shared, 'thread');
  assert.equal(openThreadId.parse(thread.custom_id)?.offset, 3);
  const { reply, threadId } = await openThread(thread.custom_id, sharedMessage);
  assert.equal(reply.content, `Posted 3 citation(s) in <#${threadId}>.`);
  assert.equal(threadId, sharedMessage.id, 'the thread hangs on the shared message');
  const created = requestsAfter(emu, seq, 'startThreadFromMessage');
  assert.equal(created.length, 1);
  assert.equal(created[0]?.route, `/channels/${emu.channelId}/messages/${sharedMessage.id}/threads`);
  assert.deepEqual(requestsAfter(emu, seq, 'startThread'), []);
  const posts = requestsAfter(emu, seq, 'createMessage').map(bodyOf);
  assert.deepEqual(
    posts.map((p) => p.embeds[0]?.footer?.text),
    ids.map((id) => `passage ${id}`),
  );
  assert.deepEqual(
    posts.map((p) => ranksIn(p.embeds[0]?.description ?? '')),
    [[4], [5], [6]],
  );
  for (const p of posts) assert.deepEqual(p.allowed_mentions, NO_MENTIONS);
});

const PRIVATE_REFUSAL = /^This answer is private\. Share it first: the shared answer offers Open thread\.$/;

/** Requests that create a thread or post into a channel: what must never follow a private answer. */
const publicPosts = (seq: number) =>
  requestsAfter(emu, seq).filter((r) =>
    ['startThreadFromMessage', 'startThread', 'createMessage'].includes(r.name),
  );

test('a private answer offers Share but no Open thread, and a forged Open thread press on it opens nothing', async () => {
  const secret = 'Did Russia offer military help to Lukashenko?';
  const { data, message } = await ask(secret, [{ name: 'private', type: 5, value: true }]);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(
    buttonsOf(data)
      .slice(0, 2)
      .map((b) => b.label),
    ['More sources', 'Share'],
  );
  assert.deepEqual(buttonsOfFamily(data, 'thread'), [], 'no Open thread');
  const key = shareId.parse(buttonWith(data, 'share').custom_id)?.key;
  assert.ok(key);

  for (const forged of [openThreadId.build({ key, offset: 0 }), openThreadId.build({ key, offset: 3 })]) {
    const seq = emu.recorder.lastSeq;
    const { callback: cb, data: reply, log } = await click(forged, message);
    assert.equal(cb.type, 4, forged);
    assert.equal(reply.flags & EPHEMERAL, EPHEMERAL, forged);
    assert.match(reply.content, PRIVATE_REFUSAL, forged);
    assert.deepEqual(reply.allowed_mentions, NO_MENTIONS);
    assert.equal(log.outcome, 'refused', forged);
    assert.deepEqual(publicPosts(seq), [], `${forged}: no thread, no post`);
  }

  // The same key pressed on someone else's public answer: the question was never shown publicly.
  const { message: open } = await ask(ONE);
  const seq = emu.recorder.lastSeq;
  const { data: refused, log } = await click(openThreadId.build({ key, offset: 0 }), open);
  assert.match(refused.content, PRIVATE_REFUSAL);
  assert.equal(log.outcome, 'refused');
  assert.deepEqual(publicPosts(seq), [], 'no thread named after the private question');
  assert.ok(!emu.requests.some((r) => (r.body as Json | undefined)?.name === secret));
});
