import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reviewButtonId } from '../../../src/discord/customIds.js';
import {
  alreadyDecidedText,
  decidedReviewMessage,
  pendingReviewMessage,
  withdrawnReviewMessage,
} from '../../../src/discord/render/reviewMessage.js';
import type { ArticlePreview } from '../../../src/ingest/articleDocument.js';
import type { ReviewItem } from '../../../src/state/reviewQueue.js';

const article: ArticlePreview = {
  file: 'grodno-trams.md',
  title: 'Grodno trams @everyone',
  outlet: 'Example News',
  author: null,
  published: '2020-09-14',
  url: 'https://news.example/grodno',
  inferred: ['title', 'outlet', 'published', 'url'],
  passages: 3,
  words: 120,
  firstPassage: 'The depot stopped all 14 routes <@123>.',
};

const item = (over: Partial<ReviewItem> = {}): ReviewItem => ({
  id: 42,
  feedId: 7,
  itemKey: 'g1',
  url: article.url!,
  preview: {
    ...article,
    url: article.url!,
    firstPassage: article.firstPassage!,
    article,
    feed: 'Grodno **Daily** <@&9>',
  },
  channelId: '11111111111111111',
  messageId: '22222222222222222',
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  appliedAt: null,
  createdAt: '2024-05-01T12:00:00.000Z',
  ...over,
});

const text = (payload: ReturnType<typeof pendingReviewMessage>) =>
  (payload.embeds ?? []).map((e) => `${e.title}\n${e.description}\n${e.footer?.text}`).join('\n');

test('a pending review shows the article preview, the feed escaped, and Approve / Reject for this item', () => {
  const message = pendingReviewMessage(item());
  const body = text(message);
  assert.match(body, /^Feed item for review/);
  assert.match(body, /\*\*Feed:\*\* Grodno \\\*\\\*Daily\\\*\\\* \\<@&9>$/m);
  assert.doesNotMatch(body, /(?<!\\)<@|@everyone/);
  assert.match(body, /^> The depot stopped all 14 routes/m);
  assert.match(body, /nothing from a feed reaches members until a moderator approves it/);
  const buttons = (message.components ?? []).flatMap((row) => row.components) as {
    label: string;
    custom_id: string;
  }[];
  assert.deepEqual(
    buttons.map((b) => [b.label, reviewButtonId.parse(b.custom_id)]),
    [
      ['Approve', { itemId: 42, action: 'approve' }],
      ['Reject', { itemId: 42, action: 'reject' }],
    ],
  );
});

test('a brief feed item is marked so in its review', () => {
  const brief = item();
  brief.preview.article = { ...article, words: 53 };
  assert.match(text(pendingReviewMessage(brief)), /\*\*Passages:\*\* 3 \(brief, 53 words\)/);
});

test('a decided review names who decided and when, says what came of it, and has no buttons', () => {
  const decided = item({
    status: 'approved',
    decidedBy: 'hashed-mod',
    decidedAt: '2024-05-01T12:05:00.000Z',
  });
  const message = decidedReviewMessage(
    decided,
    'added as `grodno-trams.md` (3 passages)',
    '33333333333333333',
  );
  assert.match(
    text(message),
    /\*\*Approved\*\* by <@33333333333333333> <t:1714565100:R> · added as `grodno-trams\.md` \(3 passages\)/,
  );
  assert.deepEqual(message.components, []);
  const rejected = item({
    status: 'rejected',
    decidedBy: 'hashed-mod',
    decidedAt: '2024-05-01T12:05:00.000Z',
  });
  assert.match(
    text(decidedReviewMessage(rejected, '', '33333333333333333')),
    /^Feed item rejected[\s\S]*\*\*Rejected\*\* by <@33333333333333333>/,
  );
  // Rendered later (a restart resuming an approval, another moderator's click): the queue keeps only
  // the moderator's hash, so nobody is named.
  assert.match(text(decidedReviewMessage(decided, 'added')), /\*\*Approved\*\* <t:1714565100:R> · added/);
  assert.equal(alreadyDecidedText(rejected), 'Already decided: **Rejected** <t:1714565100:R>.');
});

test('a forged or malformed review button id is refused', () => {
  for (const id of [
    'review.v1:42:delete',
    'review.v1:abc:approve',
    'review.v1::approve',
    'review.v2:42:approve',
    'review.v1:1e3:approve',
    'review.v1:42:approve:extra',
  ])
    assert.equal(reviewButtonId.parse(id), undefined, id);
});

test('a merged item names the other feeds and guids; a withdrawn one says its feed went, without buttons', () => {
  const merged = item();
  merged.preview.merged = [
    { feedId: 8, feed: 'Brest **Evening**', itemKey: 'b-1', at: '2024-05-01T12:01:00.000Z' },
    { feedId: 7, feed: 'Grodno Daily', itemKey: 'g-2', at: '2024-05-01T12:02:00.000Z' },
  ];
  assert.match(
    text(pendingReviewMessage(merged)),
    /^\*\*Also sent by:\*\* Brest \\\*\\\*Evening\\\*\\\* \(`b-1`\), Grodno Daily \(`g-2`\)$/m,
  );
  const withdrawn = withdrawnReviewMessage(item());
  assert.match(text(withdrawn), /^Feed item withdrawn[\s\S]*Its feed was removed: the item was not added\./);
  assert.deepEqual(withdrawn.components, []);
});

test('a feed item whose page claimed another outlet is shown to the reviewers with its site and the claim', () => {
  const claimed = { ...article, outlet: 'evil.example', outletClaim: 'Reuters' };
  const body = text(pendingReviewMessage(item({ preview: { ...item().preview, article: claimed } })));
  assert.match(body, /^\*\*Outlet:\*\* evil\.example \(claims to be Reuters\)/m);
});
