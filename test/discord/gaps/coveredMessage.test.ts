import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coveredMentionMessage } from '../../../src/discord/gaps/coveredMentionMessage.js';
import { coveredMessage } from '../../../src/discord/gaps/coveredMessage.js';
import { LIMITS } from '../../../src/discord/send/limits.js';
import { fitMessage } from '../../../src/discord/send/payload.js';
import type { CoveredQuestion } from '../../../src/gaps/memberNotice.js';
import type { Citation } from '../../../src/types.js';
import { citationOf } from '../../helpers/citation.js';

function citation(n: number, quote: string): Citation {
  return citationOf(
    quote,
    { passageId: `abcdefabcdef-${n}`, documentId: `doc-${n % 4}` },
    {
      title: `Report ${n % 4}`,
      outlet: 'Wire',
      published: '2020-09-01',
      url: `https://example.org/report-${n % 4}`,
    },
  );
}

/** `count` covered questions, each long and with a long quote: the worst a member can collect. */
function covered(count: number): CoveredQuestion[] {
  return Array.from({ length: count }, (_, i) => {
    const query = `Question ${i + 1} *about* the strike at @everyone ${'and more '.repeat(100)}?`;
    return {
      subscription: {
        id: i + 1,
        questionId: i + 1,
        groupKey: `g${i}`,
        query,
        member: 'ha',
        memberId: '111111111111111111',
        channelId: '222222222222222222',
        threadId: null,
        subscribedAt: '2024-01-01T00:00:00.000Z',
        notifiedAt: null,
      },
      answer: {
        query,
        answered: true,
        outlets: 1,
        citations: [citation(i, `Quote ${i + 1}: ${'The strikers marched to the square. '.repeat(60)}`)],
        suggestions: [],
      },
    };
  });
}

const embedChars = (embeds: readonly { title?: string; description?: string }[]) =>
  embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);

test('one direct message lists each question covered with its quote and source; what does not fit is named', () => {
  const message = coveredMessage(covered(25));
  const embeds = message.embeds ?? [];
  assert.deepEqual(
    fitMessage(message),
    message,
    "already within Discord's limits: nothing cut by the sender",
  );
  assert.ok(embeds.length >= 2 && embeds.length <= LIMITS.embeds, `${embeds.length} embeds`);
  assert.ok(embedChars(embeds) <= LIMITS.embedsTotal);
  embeds.forEach((embed, i) => {
    assert.match(embed.title ?? '', new RegExp(`^Question ${i + 1} `));
    assert.match(embed.description ?? '', new RegExp(`^> Quote ${i + 1}: The strikers`));
    assert.match(
      embed.description ?? '',
      /\n\[1\] \[Report \d\]\(https:\/\/example\.org\/report-\d\) — Wire, 2020-09-01$/,
    );
  });
  const content = message.content ?? '';
  assert.ok(content.length <= LIMITS.content);
  assert.match(content, /^The knowledge now covers 25 questions you asked me to watch/);
  assert.match(
    content,
    new RegExp(
      `\\nand ${25 - embeds.length} more — ask again with \`/ask\`:\\n- Question ${embeds.length + 1} \\\\\\*about`,
    ),
  );
  assert.doesNotMatch(content, /@everyone/, 'the questions are escaped');
  assert.match(content, /\/forget-me`\.$/, 'the way to take it back is never cut');
});

test('a few short questions all fit, with no "more" line; a single one keeps the answer as /ask gives it', () => {
  const short = covered(3).map((c, i) => ({
    ...c,
    subscription: { ...c.subscription, query: `Short question ${i + 1}?` },
  }));
  const message = coveredMessage(short);
  assert.equal(message.embeds?.length, 3);
  assert.doesNotMatch(message.content ?? '', /more — ask again/);
  const [one] = short;
  assert.ok(one);
  const single = coveredMessage([one]);
  assert.match(
    single.content ?? '',
    /^The knowledge now covers a question you asked me to watch: \*\*Short question 1\?\*\*/,
  );
  assert.equal(single.embeds?.[0]?.title, 'Short question 1?');
});

test('the mention for several questions names each source once, no question or quote, within the limits', () => {
  const message = coveredMentionMessage(covered(25));
  const content = message.content ?? '';
  assert.ok(content.length + '<@111111111111111111> '.length <= LIMITS.content);
  assert.match(content, /^25 questions you asked me to watch are now covered by:\n/);
  for (const n of [0, 1, 2, 3])
    assert.equal(content.split(`[Report ${n}]`).length - 1, 1, `report ${n} once`);
  assert.doesNotMatch(content, /Question \d|strikers/);
  assert.match(content, /Ask them again with `\/ask`/);
  assert.equal(message.suppressEmbeds, true);
});

test('a few questions each keep up to a page of their passages, as /ask would show them', () => {
  const few = covered(2).map((c, i) => ({
    subscription: { ...c.subscription, query: `Short question ${i + 1}?` },
    answer: {
      ...c.answer,
      citations: [1, 2, 3, 4].map((rank) => ({ ...citation(rank, `Passage ${rank} of ${i + 1}.`), rank })),
    },
  }));
  const embeds = coveredMessage(few).embeds ?? [];
  assert.equal(embeds.length, 2);
  for (const [i, embed] of embeds.entries())
    assert.deepEqual(
      (embed.description ?? '').split('\n\n').map((part) => part.split('\n')[0]),
      [`> Passage 1 of ${i + 1}.`, `> Passage 2 of ${i + 1}.`, `> Passage 3 of ${i + 1}.`],
    );
});
