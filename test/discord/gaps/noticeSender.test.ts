import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageCreateOptions } from 'discord.js';
import { type NoticeChannels, noticeSender } from '../../../src/discord/gaps/noticeSender.js';
import { LIMITS } from '../../../src/discord/send/limits.js';
import type { MemberNotice } from '../../../src/gaps/memberNotice.js';
import type { GapSubscription } from '../../../src/state/gapStore.js';
import type { Answer } from '../../../src/types.js';
import { citationOf } from '../../helpers/citation.js';

const MEMBER = '123456789012345678';
const QUOTE = 'Russia sent riot police reserves to the border, officials said.';

const answer: Answer = {
  query: 'did russia send police?',
  answered: true,
  outlets: 1,
  citations: [
    citationOf(
      QUOTE,
      { highlights: [{ start: 0, end: 6 }] },
      { title: 'Police at the border', outlet: 'Wire', published: '2020-09-01' },
    ),
  ],
  suggestions: [],
};

function subscription(query = 'Did Russia send police? @everyone'): GapSubscription & { memberId: string } {
  return {
    id: 1,
    questionId: 1,
    groupKey: 'g',
    query,
    member: 'hashed',
    memberId: MEMBER,
    channelId: '222222222222222222',
    threadId: '333333333333333333',
    subscribedAt: '2024-01-01T00:00:00.000Z',
    notifiedAt: null,
  };
}

/** What a run tells one member: here one question and its answer. */
function notice(s = subscription(), a = answer): MemberNotice {
  return { memberId: s.memberId, member: s.member, covered: [{ subscription: s, answer: a }] };
}

/** A fake Discord: a DM channel and channels by id, each recording what was sent. */
function fakeDiscord(dmError?: unknown) {
  const sent: { to: string; options: MessageCreateOptions }[] = [];
  const channel = (to: string) => ({
    async send(options: MessageCreateOptions) {
      if (to === 'dm' && dmError) throw dmError;
      sent.push({ to, options });
    },
  });
  const discord: NoticeChannels = {
    dm: async () => channel('dm'),
    channel: async (id) => channel(id),
  };
  return { sent, discord };
}

const textOf = (o: MessageCreateOptions) =>
  [o.content ?? '', ...(o.embeds ?? []).map((e) => JSON.stringify(e))].join('\n');

test('a member is told by one direct message with the quote and its source, pinging no one', async () => {
  const { sent, discord } = fakeDiscord();
  assert.equal(await noticeSender(discord).dm(notice()), true);
  assert.equal(sent.length, 1);
  const [{ to, options }] = sent as [{ to: string; options: MessageCreateOptions }];
  assert.equal(to, 'dm');
  assert.deepEqual(options.allowedMentions, { parse: [] });
  assert.match(textOf(options), /Russia\*\* sent riot police reserves/);
  assert.match(textOf(options), /\[1\] Police at the border — Wire, 2020-09-01/);
  assert.match(options.content ?? '', /Did Russia send police\? @\u200beveryone/, 'the question, escaped');
  assert.match(options.content ?? '', /\/forget-me/);
});

test('with DMs closed (50007) the member gets one mention in the thread where they asked, naming no question or quote', async () => {
  const { sent, discord } = fakeDiscord(
    Object.assign(new Error('Cannot send messages to this user'), { code: 50007 }),
  );
  const send = noticeSender(discord);
  assert.equal(
    await send.dm(notice()),
    false,
    'DMs closed: nothing sent, a mention is for the caller to decide',
  );
  await send.mention(notice());
  assert.equal(sent.length, 1);
  const [{ to, options }] = sent as [{ to: string; options: MessageCreateOptions }];
  assert.equal(to, '333333333333333333', 'the thread, not its channel');
  assert.deepEqual(options.allowedMentions, { users: [MEMBER] });
  assert.ok(options.content?.startsWith(`<@${MEMBER}> `));
  assert.match(options.content ?? '', /Police at the border/);
  assert.doesNotMatch(options.content ?? '', /Did Russia send police|riot police reserves/);

  const inChannel = fakeDiscord({ code: 50007 });
  await noticeSender(inChannel.discord).mention(notice({ ...subscription(), threadId: null }));
  assert.deepEqual(
    inChannel.sent.map((s) => s.to),
    ['222222222222222222'],
  );
});

test('any other failure is thrown and nothing is posted in the channel', async () => {
  const { sent, discord } = fakeDiscord(Object.assign(new Error('Missing Access'), { code: 50001 }));
  await assert.rejects(noticeSender(discord).dm(notice()), /Missing Access/);
  assert.equal(sent.length, 0);
  const gone = fakeDiscord({ code: 50007 });
  await assert.rejects(
    noticeSender({ ...gone.discord, channel: async () => null }).mention(notice()),
    /channel where the member asked is gone/,
  );
});

test("the direct message stays within Discord's limits for the longest question", async () => {
  const { sent, discord } = fakeDiscord();
  await noticeSender(discord).dm(notice(subscription('why '.repeat(250))));
  const options = sent[0]?.options;
  assert.ok(options);
  assert.ok((options.content ?? '').length <= LIMITS.content);
  const title = (options.embeds?.[0] as { title?: string } | undefined)?.title ?? '';
  assert.ok(title.length > 0 && title.length <= LIMITS.embedTitle, `title of ${title.length}`);
});
