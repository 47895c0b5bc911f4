import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  flagId,
  flagReasonId,
  gapsPageId,
  knowledgePageId,
  moreSourcesId,
  openThreadId,
  searchPageId,
  shareId,
  showContextId,
  sourcesPageId,
  voteId,
} from '../../src/discord/customIds.js';
import { familyOf } from '../../src/discord/idFamily.js';
import { summarizeRecords } from '../../src/feedback/summarize.js';
import { hashId } from '../../src/log/hashId.js';
import {
  buttonsOf,
  buttonsOfFamily,
  buttonWith,
  contextIds,
  contextParts,
  EPHEMERAL,
  embedText,
  type MessageView,
  NO_MENTIONS,
  ranksIn,
} from '../helpers/discordView.js';
import { useBundledEngine } from '../helpers/fakeContext.js';
import { MODERATOR } from '../helpers/fakeInteraction.js';
import { inProcessBot } from '../helpers/inProcessBot.js';

// The answer's buttons and the feedback ones through the real router and handlers, in process.
const bot = inProcessBot(useBundledEngine());
const MEMBER_ID = '100000000000000001';

/** Answered by one passage. */
const ONE = 'What did the OSCE chair offer?';
/** Answered by exactly three passages. */
const THREE = 'Did Russia offer Lukashenko military help?';
/** Answered by more passages than fit on one page. */
const MANY = 'What did Biegun say about Belarus?';
const UNCOVERED = 'What is the capital of Australia?';

const EXPIRED = /^This result expired \(.*\)\. Please ask again\.$/;

async function ask(question: string) {
  const done = await bot.command('ask', { question }, { userId: MEMBER_ID });
  return { ...done, message: done.data };
}

const click = (customId: string, message: MessageView) =>
  bot.button(customId, message, { userId: MEMBER_ID });

/** The custom_id of the button labelled `label`. */
const byLabel = (message: MessageView, label: string) => {
  const found = buttonsOf(message).find((b) => b.label === label);
  assert.ok(found, `a "${label}" button`);
  return found.custom_id;
};

test('More sources pages privately through further citations, ranked 4 and on, until none are left', async () => {
  const { data: first, message } = await ask(MANY);
  assert.deepEqual(ranksIn(embedText(first)), [1, 2, 3]);
  let more = buttonWith(message, 'more');
  assert.equal(more.disabled, false, 'more than one page of citations');
  const key = moreSourcesId.parse(more.custom_id)?.key;
  assert.ok(key, more.custom_id);
  assert.deepEqual(moreSourcesId.parse(more.custom_id), { key, offset: 3 });
  const shown = [1, 2, 3];
  const passages = new Set(contextIds(message));
  let page: MessageView = message;
  for (let clicks = 0; clicks < 4 && !more.disabled; clicks++) {
    const { callback: cb, data, log } = await click(more.custom_id, page);
    assert.equal(cb.type, 4);
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL, 'further sources are private');
    assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
    assert.equal(data.embeds[0]?.title, MANY);
    const ranks = ranksIn(embedText(data));
    assert.ok(ranks.length >= 1 && ranks.length <= 3, `ranks ${ranks}`);
    assert.deepEqual(
      ranks,
      ranks.map((_, k) => shown.length + 1 + k),
      'ranks continue where the last page stopped',
    );
    const labels = buttonsOfFamily(data, 'context').map((x) => x.label);
    assert.deepEqual(
      labels,
      ranks.map((r) => `Context ${r}`),
    );
    for (const id of contextIds(data)) {
      assert.ok(!passages.has(id), `passage ${id} is not repeated`);
      passages.add(id);
    }
    const offset = shown.length;
    shown.push(...ranks);
    assert.equal(log.command, 'button:more');
    assert.equal(log.outcome, 'answered');
    assert.equal(log.results, ranks.length);
    page = data;
    more = buttonWith(page, 'more');
    assert.equal(
      more.custom_id,
      moreSourcesId.build({ key, offset: offset + 3 }),
      'the next page starts after this one',
    );
  }
  assert.ok(shown.length >= 7, `at least two further pages (${shown.length} citations)`);
  assert.equal(more.disabled, true, 'the last page disables More sources');

  const { callback: cb, data } = await click(moreSourcesId.build({ key, offset: shown.length + 3 }), page);
  assert.equal(cb.type, 4);
  assert.equal(data.content, 'There are no further sources for this question.');
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.embeds, []);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
});

test('Context n shows the cited passage in bold between its neighbours, with its source, privately', async () => {
  const { message } = await ask(ONE);
  const button = buttonWith(message, 'context');
  assert.equal(button.label, 'Context 1');
  const passageId = showContextId.parse(button.custom_id)?.passageId ?? '';
  assert.match(passageId, /^[0-9a-f]{12}$/);
  const { callback: cb, data, log } = await click(button.custom_id, message);
  assert.equal(cb.type, 4);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.equal(data.embeds.length, 1);
  const embed = data.embeds[0];
  assert.equal(embed?.footer?.text, `passage ${passageId}`);
  const parts = contextParts(embed?.description ?? '');
  assert.match(
    parts.passage,
    /"We urge the government of Belarus to accept the OSCE chair's offer to facilitate dialogue and engage all stakeholders,"/,
  );
  assert.ok(
    !parts.before.includes('We urge') && !parts.after.includes('We urge'),
    'neighbours are other passages',
  );
  assert.match(
    parts.source,
    /^Senior US Diplomat Aims to Bridge Differences with Moscow .* — GlobalSecurity\.org, 2020-08-26$/,
  );
  assert.equal(log.command, 'button:context');
  assert.equal(log.outcome, 'shown');

  const gone = await click(showContextId.build({ passageId: '000000000000' }), message);
  assert.equal(gone.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(gone.data.content, /^That passage is no longer in the knowledge .*Please ask again\.$/);
  assert.deepEqual(gone.data.allowed_mentions, NO_MENTIONS);
});

test('a button whose question is no longer known answers "expired, ask again" and does nothing else', async () => {
  const { message } = await ask(ONE);
  const key = 'zzzzzzzzzz';
  for (const id of [
    moreSourcesId.build({ key, offset: 3 }),
    openThreadId.build({ key, offset: 0 }),
    shareId.build({ key, offset: 0 }),
    searchPageId.build({ key, page: 1 }),
  ]) {
    const { callback: cb, data, log, sent } = await click(id, message);
    assert.equal(cb.type, 4, id);
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL, id);
    assert.match(data.content, EXPIRED, id);
    assert.deepEqual(data.embeds, [], id);
    assert.deepEqual(data.allowed_mentions, NO_MENTIONS, id);
    assert.equal(log.outcome, 'expired', id);
    assert.deepEqual(
      sent.map((s) => s.method),
      ['reply'],
      `${id}: no thread, no post`,
    );
  }
});

test('a button from an unknown family gets a clean "ask again" message', async () => {
  const { message } = await ask(ONE);
  // Ids of an older format: unversioned, of a family that is gone, or with forged fields.
  for (const id of ['vote:up:3', 'legacy', 'more', 'more:zzzzzzzzzz:3', 'ctx:000000000000']) {
    const { callback: cb, data, log } = await click(id, message);
    assert.equal(cb.type, 4, id);
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL, id);
    assert.equal(data.content, 'This button is from an older version of the bot. Please ask again.');
    assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
    assert.equal(log.command, `button:${familyOf(id)}`);
    assert.equal(log.outcome, 'expired');
  }
  assert.deepEqual(bot.log.messages('error'), [], 'nothing was logged as an error');
});

test('an answer carries Helpful, Not helpful and one Flag button per citation', async () => {
  const { message } = await ask(THREE);
  const key = moreSourcesId.parse(buttonWith(message, 'more').custom_id)?.key;
  assert.ok(key);
  const rows = message.components;
  assert.equal(rows.length, 3);
  const feedback = rows[2]?.components ?? [];
  assert.deepEqual(
    feedback.map((b) => [b.label, b.custom_id]),
    [
      ['Helpful', voteId.build({ key, direction: 'up' })],
      ['Not helpful', voteId.build({ key, direction: 'down' })],
      ...contextIds(message).map((id, i) => [`Flag ${i + 1}`, flagId.build({ key, passageId: id ?? '' })]),
    ],
  );
  for (const b of feedback) assert.ok(b.custom_id.length <= 100);
});

test('Helpful answers privately "Thanks, noted." and records a vote', async () => {
  const { message } = await ask(ONE);
  const helpful = byLabel(message, 'Helpful');
  const { callback, data, log } = await click(helpful, message);
  assert.equal(callback.type, 4);
  assert.equal(data.content, 'Thanks, noted.');
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.equal(log.command, 'button:vote');
  assert.equal(log.outcome, 'done');
  const last = bot.feedback.at(-1);
  assert.deepEqual(
    { ...last, time: undefined },
    {
      time: undefined,
      kind: 'vote',
      query: ONE,
      key: helpful.split(':')[1],
      passageIds: contextIds(message),
      vote: 'up',
      member: hashId(MEMBER_ID),
    },
  );
  assert.ok(!Number.isNaN(Date.parse(last?.time ?? '')));
});

test('Not helpful then Helpful by the same member counts as one helpful vote', async () => {
  const { message } = await ask(THREE);
  const key = byLabel(message, 'Helpful').split(':')[1] as string;
  await click(byLabel(message, 'Not helpful'), message);
  await click(byLabel(message, 'Helpful'), message);
  const votes = bot.feedback.filter((r) => r.kind === 'vote' && r.key === key);
  assert.deepEqual(
    votes.map((r) => r.vote),
    ['down', 'up'],
    'both clicks are recorded',
  );
  const summary = summarizeRecords(bot.feedback.filter((r) => r.key === key));
  assert.deepEqual(summary.votes, { up: 1, down: 0 });
  assert.deepEqual(summary.unhelpful, []);
});

test('a vote on an expired answer is still recorded, without the question', async () => {
  const { message } = await ask(ONE);
  const { data } = await click(voteId.build({ key: 'zzzzzzzzzz', direction: 'down' }), message);
  assert.equal(data.content, 'Thanks, noted.');
  const last = bot.feedback.at(-1);
  assert.equal(last?.kind, 'vote');
  assert.equal(last?.query, null);
  assert.equal(last?.key, 'zzzzzzzzzz');
  assert.deepEqual(last?.passageIds, contextIds(message), 'the passages the message showed');
});

test('a flag on an expired answer still names its passage, with no reason and no question', async () => {
  const { message } = await ask(ONE);
  const passageId = contextIds(message)[0] as string;
  const posted = bot.modLog.length;
  const submitted = await bot.modal(
    flagReasonId.build({ key: 'zzzzzzzzzz', passageId }),
    { reason: '   ' },
    { userId: MEMBER_ID },
  );
  assert.equal(submitted.data.content, 'Thanks, the moderators will look at it.');
  const last = bot.feedback.at(-1);
  assert.deepEqual(
    { query: last?.query, key: last?.key, passageIds: last?.passageIds, reason: last?.reason },
    { query: null, key: 'zzzzzzzzzz', passageIds: [passageId], reason: null },
  );
  const post = bot.modLog.slice(posted)[0] ?? {};
  assert.equal(bot.modLog.length, posted + 1, 'one mod-log post');
  assert.match(JSON.stringify(post.embeds), /No reason given/);
  assert.match(JSON.stringify(post.embeds), /Unknown: the answer had expired/);
});

test('a question the knowledge does not cover is recorded once, as a gap', async () => {
  const feedbackBefore = bot.feedback.length;
  const { data, log } = await ask(UNCOVERED);
  assert.match(data.embeds[0]?.title ?? '', /^Not found/);
  assert.equal(log.outcome, 'not_found');
  const last = (await bot.ctx.state.gaps.pending()).at(-1);
  assert.deepEqual(
    { ...last, id: undefined, groupKey: undefined, askedAt: undefined },
    {
      id: undefined,
      groupKey: undefined,
      askedAt: undefined,
      query: UNCOVERED,
      member: hashId(MEMBER_ID),
      answeredAt: null,
    },
  );
  assert.equal(bot.feedback.length, feedbackBefore, 'no feedback record besides');
});

test('Flag n opens the reason form for its passage; the form records the flag and posts it to the mod-log', async () => {
  const { message } = await ask(ONE);
  const flag = buttonWith(message, 'flag');
  const args = flagId.parse(flag.custom_id);
  assert.ok(args);
  const opened = await click(flag.custom_id, message);
  assert.equal(opened.callback.type, 9, 'a modal');
  assert.equal(opened.callback.data.custom_id, flagReasonId.build(args));
  assert.deepEqual([opened.log.command, opened.log.outcome], ['button:flag', 'shown']);

  const posted = bot.modLog.length;
  const submitted = await bot.modal(
    flagReasonId.build(args),
    { reason: 'not what the source says' },
    {
      userId: MEMBER_ID,
    },
  );
  assert.equal(submitted.data.content, 'Thanks, the moderators will look at it.');
  assert.equal(submitted.data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual([submitted.log.command, submitted.log.outcome], ['modal:flag-reason', 'done']);
  const { time: _, ...last } = bot.feedback.at(-1) ?? {};
  assert.deepEqual(last, {
    kind: 'flag',
    query: ONE,
    key: args.key,
    passageIds: [args.passageId],
    reason: 'not what the source says',
    member: hashId(MEMBER_ID),
  });
  assert.equal(bot.modLog.length, posted + 1);
  assert.equal(bot.modLog.at(-1)?.embeds?.[0]?.title, 'Passage flagged');
});

test('Share posts a private answer publicly as a follow-up, without a Share button', async () => {
  const secret = await bot.command('ask', { question: ONE, private: true }, { userId: MEMBER_ID });
  assert.equal(secret.data.flags & EPHEMERAL, EPHEMERAL);
  const shared = await click(buttonWith(secret.data, 'share').custom_id, secret.data);
  assert.deepEqual(
    shared.sent.map((s) => s.method),
    ['reply'],
    'the first response to the click is the public answer',
  );
  assert.equal(shared.data.flags & EPHEMERAL, 0, 'public');
  assert.deepEqual(shared.data.allowed_mentions, NO_MENTIONS);
  assert.deepEqual(shared.data.embeds, secret.data.embeds, 'the same answer');
  assert.deepEqual(buttonsOfFamily(shared.data, 'share'), []);
  assert.deepEqual([shared.log.command, shared.log.outcome], ['button:share', 'answered']);
});

test('Open thread on a private answer, or outside a server, is refused before anything is posted', async () => {
  const secret = await bot.command('ask', { question: THREE, private: true }, { userId: MEMBER_ID });
  const key = shareId.parse(buttonWith(secret.data, 'share').custom_id)?.key;
  assert.ok(key);
  const forged = await click(openThreadId.build({ key, offset: 0 }), secret.data);
  assert.match(forged.data.content, /^This answer is private\. Share it first/);
  assert.deepEqual(
    forged.sent.map((s) => s.method),
    ['reply'],
    'no deferral, no thread',
  );
  assert.equal(forged.log.outcome, 'refused');

  const { message } = await ask(THREE);
  const inDm = await bot.button(buttonWith(message, 'thread').custom_id, message, { guildId: null });
  assert.equal(inDm.data.content, 'Threads can only be opened in a server channel.');
  assert.equal(inDm.log.outcome, 'refused');
});

test('the /sources and /knowledge list pagers replace the page; the knowledge one is for moderators only', async () => {
  const sources = await bot.button(sourcesPageId.build({ page: 0 }));
  assert.deepEqual(
    sources.sent.map((s) => s.method),
    ['update'],
  );
  assert.equal(sources.data.embeds[0]?.title, 'Sources in the knowledge');
  assert.deepEqual(
    [sources.log.command, sources.log.outcome, sources.log.results],
    ['button:sources-page', 'listed', 5],
  );

  const listed = await bot.button(knowledgePageId.build({ page: 0 }), undefined, { member: MODERATOR });
  assert.deepEqual(
    listed.sent.map((s) => s.method),
    ['update'],
  );
  assert.equal(listed.data.embeds[0]?.title, 'Knowledge folder');
  assert.deepEqual([listed.log.outcome, listed.log.results], ['listed', 5]);
  const refused = await bot.button(knowledgePageId.build({ page: 0 }));
  assert.match(refused.data.content, /only moderators can list the knowledge folder/);
  assert.deepEqual(
    refused.sent.map((s) => s.method),
    ['reply'],
    'the list is not shown',
  );
});

test('the /knowledge gaps pager replaces the page for moderators and refuses members', async () => {
  const listed = await bot.button(gapsPageId.build({ page: 0 }), undefined, { member: MODERATOR });
  assert.deepEqual(
    listed.sent.map((s) => s.method),
    ['update'],
  );
  assert.equal(listed.data.embeds[0]?.title, 'Unanswered questions');
  assert.deepEqual([listed.log.command, listed.log.outcome], ['button:gaps-page', 'listed']);
  const refused = await bot.button(gapsPageId.build({ page: 0 }));
  assert.match(refused.data.content, /only moderators can list unanswered questions/);
  assert.deepEqual(
    refused.sent.map((s) => s.method),
    ['reply'],
    'the list is not shown',
  );
});
