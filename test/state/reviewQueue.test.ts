import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FeedRemovedError } from '../../src/state/errors.js';
import type { ReviewPreview } from '../../src/state/reviewQueue.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { spawnStateChild } from '../helpers/spawnStateChild.js';
import { contractTest, type StateBackend } from '../helpers/stateBackends.js';

const T0 = new Date('2024-05-01T12:00:00.000Z');

const preview = (n: number): ReviewPreview => ({
  title: `Article ${n}`,
  outlet: 'News',
  published: '2024-05-01',
  url: `https://news.example/${n}`,
  passages: 4,
  firstPassage: 'The first paragraph, verbatim.',
  author: 'A. Writer',
});

const memoryState = (t: { after(fn: () => Promise<void>): void }, backend: StateBackend) =>
  backend.open(t, () => T0);

contractTest(
  'an item is queued once per URL, with its preview, and found by id and by message',
  async (t, backend) => {
    const { reviews, feeds } = await memoryState(t, backend);
    const feedId = (await feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null })).feed.id;
    const queued = await reviews.enqueue({
      feedId,
      itemKey: 'g1',
      url: 'https://news.example/1',
      preview: preview(1),
    });
    assert.equal(queued.created, true);
    assert.deepEqual(queued.item, {
      id: queued.item.id,
      feedId,
      itemKey: 'g1',
      url: 'https://news.example/1',
      preview: preview(1),
      channelId: null,
      messageId: null,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      appliedAt: null,
      createdAt: T0.toISOString(),
    });
    const twice = await reviews.enqueue({
      feedId: null,
      itemKey: 'x',
      url: 'https://news.example/1',
      preview: preview(9),
    });
    assert.deepEqual(twice, { item: queued.item, created: false }, 'the same article from another feed');
    await reviews.attachMessage(queued.item.id, { channelId: 'review', messageId: 'm1' });
    assert.deepEqual(await reviews.byMessage('m1'), { ...queued.item, channelId: 'review', messageId: 'm1' });
    assert.equal(await reviews.byMessage('nope'), null);
    assert.deepEqual(
      (await reviews.pending()).map((i) => i.id),
      [queued.item.id],
    );
    await feeds.remove(feedId);
    assert.equal((await reviews.get(queued.item.id))?.feedId, null, 'the item outlives its feed');
  },
);

contractTest(
  'the first decision wins: a later one changes nothing and sees who decided',
  async (t, backend) => {
    const { reviews } = await memoryState(t, backend);
    const { item } = await reviews.enqueue({
      feedId: null,
      itemKey: 'g',
      url: 'https://news.example/1',
      preview: preview(1),
    });
    const first = await reviews.decide(item.id, { status: 'approved', by: 'mod-a' });
    assert.equal(first.won, true);
    assert.deepEqual(
      [first.item?.status, first.item?.decidedBy, first.item?.decidedAt],
      ['approved', 'mod-a', T0.toISOString()],
    );
    const second = await reviews.decide(item.id, { status: 'rejected', by: 'mod-b' });
    assert.equal(second.won, false);
    assert.deepEqual([second.item?.status, second.item?.decidedBy], ['approved', 'mod-a']);
    assert.deepEqual(await reviews.pending(), []);
    assert.deepEqual(await reviews.decide(999, { status: 'approved', by: 'mod-a' }), {
      won: false,
      item: null,
    });
  },
);

test('an approval survives a restart until its document is added', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-review-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const path = join(root, 'state.db');
  const before = SqliteState.open({ path });
  const { item } = await before.reviews.enqueue({
    feedId: null,
    itemKey: 'g',
    url: 'https://n.example/1',
    preview: preview(1),
  });
  const rejected = await before.reviews.enqueue({
    feedId: null,
    itemKey: 'h',
    url: 'https://n.example/2',
    preview: preview(2),
  });
  await before.reviews.decide(item.id, { status: 'approved', by: 'mod-a' });
  await before.reviews.decide(rejected.item.id, { status: 'rejected', by: 'mod-a' });
  before.db.close(); // as a killed process leaves it: no orderly close

  const after = SqliteState.open({ path });
  t.after(() => after.close());
  assert.deepEqual(
    (await after.reviews.awaitingApply()).map((i) => i.id),
    [item.id],
  );
  await after.reviews.markApplied(item.id);
  assert.deepEqual(await after.reviews.awaitingApply(), []);
  assert.ok((await after.reviews.get(item.id))?.appliedAt);
});

test('two processes deciding the same items at once: each item has exactly one winner', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-race-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const path = join(root, 'state.db');
  const state = SqliteState.open({ path });
  t.after(() => state.close());
  const ids: number[] = [];
  for (let n = 0; n < 300; n++)
    ids.push(
      (
        await state.reviews.enqueue({
          feedId: null,
          itemKey: `g${n}`,
          url: `https://n.example/${n}`,
          preview: preview(n),
        })
      ).item.id,
    );
  const deciders = [
    spawnStateChild(['decide', path, 'mod-a', 'approved', ...ids.map(String)]),
    spawnStateChild(['decide', path, 'mod-b', 'rejected', ...[...ids].reverse().map(String)]),
  ];
  await Promise.all(deciders.map((d) => d.ready));
  for (const d of deciders) d.go();
  const [a, b] = (await Promise.all(deciders.map((d) => d.result))) as {
    won: number[];
    lost: { id: number; by: string }[];
  }[];
  assert.ok(a && b);
  t.diagnostic(`mod-a won ${a.won.length}, mod-b won ${b.won.length}`);
  assert.equal(a.won.length + b.won.length, ids.length, 'every item decided once');
  assert.deepEqual(
    [...a.won, ...b.won].sort((x, y) => x - y),
    ids,
    'no item won twice',
  );
  assert.ok(
    a.lost.every((l) => l.by === 'mod-b') && b.lost.every((l) => l.by === 'mod-a'),
    'losers see the winner',
  );
  for (const item of await Promise.all(ids.map((id) => state.reviews.get(id)))) {
    const winner: string = a.won.includes(item?.id ?? -1) ? 'mod-a' : 'mod-b';
    assert.equal(item?.decidedBy, winner);
    assert.equal(item?.status, winner === 'mod-a' ? 'approved' : 'rejected');
  }
});

contractTest(
  'a pending item is found by its URL or text key; another feed item of its article is merged into it, once',
  async (t, backend) => {
    const { reviews, feeds } = await memoryState(t, backend);
    const a = (await feeds.add({ url: 'https://a.example/rss', name: 'A', addedBy: null })).feed.id;
    const b = (await feeds.add({ url: 'https://b.example/rss', name: 'B', addedBy: null })).feed.id;
    const { item } = await reviews.enqueue({
      feedId: a,
      itemKey: 'g1',
      url: 'https://news.example/1',
      preview: preview(1),
      textKey: 'key-1',
    });
    assert.deepEqual(await reviews.pendingKeys(), [
      { id: item.id, feedId: a, url: 'https://news.example/1', title: 'Article 1', textKey: 'key-1' },
    ]);
    assert.equal(await reviews.merge(item.id, { feedId: a, feed: 'A', itemKey: 'g1' }), null, 'not itself');
    const merged = await reviews.merge(item.id, { feedId: b, feed: 'B', itemKey: 'b7' });
    assert.deepEqual(merged?.preview.merged, [{ feedId: b, feed: 'B', itemKey: 'b7', at: T0.toISOString() }]);
    assert.deepEqual((await reviews.get(item.id))?.preview, merged?.preview);
    assert.equal(await reviews.merge(item.id, { feedId: b, feed: 'B', itemKey: 'b7' }), null, 'noted once');
    assert.deepEqual(await reviews.waiting(a), { feed: 1, all: 1 });
    assert.deepEqual(await reviews.waiting(b), { feed: 1, all: 1 }, 'a merged item waits too');
    await reviews.decide(item.id, { status: 'rejected', by: 'mod' });
    assert.equal(await reviews.merge(item.id, { feedId: b, feed: 'B', itemKey: 'b8' }), null, 'decided');
    assert.deepEqual(await reviews.waiting(b), { feed: 0, all: 0 });
  },
);

contractTest(
  'a removed feed’s pending items can be dropped; an item of a removed feed is never queued',
  async (t, backend) => {
    const { reviews, feeds } = await memoryState(t, backend);
    const feedId = (await feeds.add({ url: 'https://a.example/rss', name: null, addedBy: null })).feed.id;
    const one = await reviews.enqueue({
      feedId,
      itemKey: 'g1',
      url: 'https://news.example/1',
      preview: preview(1),
    });
    const two = await reviews.enqueue({
      feedId,
      itemKey: 'g2',
      url: 'https://news.example/2',
      preview: preview(2),
    });
    await reviews.decide(two.item.id, { status: 'approved', by: 'mod' });
    const dropped = await reviews.dropPending(feedId);
    assert.deepEqual(
      dropped.map((i) => i.id),
      [one.item.id],
    );
    assert.equal(await reviews.get(one.item.id), null);
    assert.ok(await reviews.get(two.item.id), 'a decided item stays');
    await feeds.remove(feedId);
    await assert.rejects(
      reviews.enqueue({ feedId, itemKey: 'g3', url: 'https://news.example/3', preview: preview(3) }),
      FeedRemovedError,
    );
  },
);
