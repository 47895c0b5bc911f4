import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageCreateOptions } from 'discord.js';
import { type NoticeChannels, tellMember } from '../../../src/discord/gaps/tellMember.js';
import { LIMITS } from '../../../src/discord/send/limits.js';
import type { GapSubscription } from '../../../src/state/gapStore.js';
import type { Answer } from '../../../src/types.js';

const MEMBER = '123456789012345678';
const QUOTE = 'Russia sent riot police reserves to the border, officials said.';

const answer: Answer = {
  query: 'did russia send police?',
  answered: true,
  outlets: 1,
  citations: [
    {
      rank: 1,
      passageId: 'abcdefabcdef-1',
      documentId: 'doc',
      text: QUOTE,
      quote: QUOTE,
      highlights: [{ start: 0, end: 6 }],
      textHighlights: [],
      score: 1,
      source: {
        title: 'Police at the border',
        outlet: 'Wire',
        outletClaim: null,
        author: null,
        published: '2020-09-01',
        publishedInferred: false,
        url: null,
      },
    },
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
  assert.equal(await tellMember(discord, subscription(), answer), 'dm');
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
  assert.equal(await tellMember(discord, subscription(), answer), 'mention');
  assert.equal(sent.length, 1);
  const [{ to, options }] = sent as [{ to: string; options: MessageCreateOptions }];
  assert.equal(to, '333333333333333333', 'the thread, not its channel');
  assert.deepEqual(options.allowedMentions, { users: [MEMBER] });
  assert.ok(options.content?.startsWith(`<@${MEMBER}> `));
  assert.match(options.content ?? '', /Police at the border/);
  assert.doesNotMatch(options.content ?? '', /Did Russia send police|riot police reserves/);

  const inChannel = fakeDiscord({ code: 50007 });
  await tellMember(inChannel.discord, { ...subscription(), threadId: null }, answer);
  assert.deepEqual(
    inChannel.sent.map((s) => s.to),
    ['222222222222222222'],
  );
});

test('any other failure is thrown and nothing is posted in the channel', async () => {
  const { sent, discord } = fakeDiscord(Object.assign(new Error('Missing Access'), { code: 50001 }));
  await assert.rejects(tellMember(discord, subscription(), answer), /Missing Access/);
  assert.equal(sent.length, 0);
  const gone = fakeDiscord({ code: 50007 });
  await assert.rejects(
    tellMember({ ...gone.discord, channel: async () => null }, subscription(), answer),
    /channel where the member asked is gone/,
  );
});

test("the direct message stays within Discord's limits for the longest question", async () => {
  const { sent, discord } = fakeDiscord();
  await tellMember(discord, subscription('why '.repeat(250)), answer);
  const options = sent[0]?.options;
  assert.ok(options);
  assert.ok((options.content ?? '').length <= LIMITS.content);
  const title = (options.embeds?.[0] as { title?: string } | undefined)?.title ?? '';
  assert.ok(title.length > 0 && title.length <= LIMITS.embedTitle, `title of ${title.length}`);
});
