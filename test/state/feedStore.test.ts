import assert from 'node:assert/strict';
import { SKIPPED_KEPT } from '../../src/state/feedStore.js';
import { contractTest, type StateBackend } from '../helpers/stateBackends.js';

const T0 = new Date('2024-05-01T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const memoryState = (t: { after(fn: () => Promise<void>): void }, backend: StateBackend) =>
  backend.open(t, () => T0);

contractTest(
  'a feed is added once per URL, listed, found and removed with what it has seen',
  async (t, backend) => {
    const state = await memoryState(t, backend);
    const { feeds } = state;
    const added = await feeds.add({ url: 'https://news.example/rss', name: 'News', addedBy: 'hm' });
    assert.equal(added.created, true);
    assert.deepEqual(added.feed, {
      id: added.feed.id,
      url: 'https://news.example/rss',
      name: 'News',
      etag: null,
      lastModified: null,
      failures: 0,
      retryAt: null,
      lastError: null,
      lastPolledAt: null,
      addedAt: T0.toISOString(),
      addedBy: 'hm',
      pausedAt: null,
      pauseReason: null,
    });
    const again = await feeds.add({ url: 'https://news.example/rss', name: 'Other name', addedBy: 'hx' });
    assert.deepEqual(again, { feed: added.feed, created: false });
    await feeds.add({ url: 'https://other.example/atom', name: null, addedBy: null });
    assert.deepEqual(
      (await feeds.list()).map((f) => f.url),
      ['https://news.example/rss', 'https://other.example/atom'],
    );
    assert.equal((await feeds.byUrl('https://other.example/atom'))?.name, null);
    await feeds.markSeen(added.feed.id, [{ guid: 'g1', link: null }]);
    assert.equal(await feeds.remove(added.feed.id), true);
    assert.equal(await feeds.remove(added.feed.id), false);
    assert.equal(await feeds.get(added.feed.id), null);
    assert.deepEqual(await backend.rows(state, 'SELECT * FROM feed_items'), [], 'its items went with it');
  },
);

contractTest(
  'polls: validators kept, failures back off until retryAt, a success resets them; due() follows',
  async (t, backend) => {
    const { feeds } = await memoryState(t, backend);
    const { feed } = await feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null });
    const interval = 15 * 60_000;
    assert.deepEqual(
      (await feeds.due(interval, T0)).map((f) => f.id),
      [feed.id],
      'never polled: due',
    );
    await feeds.recordSuccess(feed.id, { etag: '"v1"', lastModified: 'Wed, 01 May 2024 12:00:00 GMT' }, T0);
    assert.deepEqual(await feeds.due(interval, minutes(14)), []);
    assert.equal((await feeds.due(interval, minutes(15))).length, 1);

    const failed = await feeds.recordFailure(
      feed.id,
      { error: 'HTTP 503', retryAt: minutes(60) },
      minutes(15),
    );
    assert.deepEqual(
      {
        failures: failed?.failures,
        retryAt: failed?.retryAt,
        lastError: failed?.lastError,
        etag: failed?.etag,
      },
      { failures: 1, retryAt: minutes(60).toISOString(), lastError: 'HTTP 503', etag: '"v1"' },
    );
    assert.equal(
      (await feeds.recordFailure(feed.id, { error: 'timeout', retryAt: minutes(90) }, minutes(60)))?.failures,
      2,
    );
    assert.deepEqual(await feeds.due(interval, minutes(89)), [], 'backing off');
    assert.equal((await feeds.due(interval, minutes(90))).length, 1);

    await feeds.recordSuccess(feed.id, { etag: '"v2"', lastModified: null }, minutes(90));
    const now = await feeds.get(feed.id);
    assert.deepEqual(
      [now?.failures, now?.retryAt, now?.lastError, now?.etag, now?.lastModified, now?.lastPolledAt],
      [0, null, null, '"v2"', null, minutes(90).toISOString()],
    );
  },
);

contractTest('items are seen by guid or by link, per feed, across restarts', async (t, backend) => {
  const { feeds } = await memoryState(t, backend);
  const a = (await feeds.add({ url: 'https://a.example/rss', name: null, addedBy: null })).feed.id;
  const b = (await feeds.add({ url: 'https://b.example/rss', name: null, addedBy: null })).feed.id;
  const items = [
    { guid: 'g1', link: 'https://a.example/1', title: 'one' },
    { guid: null, link: 'https://a.example/2', title: 'two' },
    { guid: 'g3', link: null, title: 'three' },
  ];
  assert.deepEqual(await feeds.unseen(a, items), items);
  assert.equal(await feeds.markSeen(a, items), 3);
  assert.equal(await feeds.markSeen(a, items), 0, 'nothing new the second time');
  assert.deepEqual(await feeds.unseen(a, items), []);
  assert.deepEqual(await feeds.unseen(b, items), items, 'another feed has seen nothing');
  const later = [
    { guid: 'g1-updated', link: 'https://a.example/1', title: 'same link, new guid' },
    { guid: 'g3', link: 'https://a.example/3', title: 'same guid, link added' },
    { guid: 'g4', link: 'https://a.example/4', title: 'new' },
    { guid: null, link: null, title: 'nothing to know it by' },
  ];
  assert.deepEqual(
    (await feeds.unseen(a, later)).map((i) => i.title),
    ['new', 'nothing to know it by'],
  );
  assert.equal(await feeds.markSeen(a, later), 1, 'an item with neither guid nor link cannot be remembered');
});

contractTest(
  'a paused feed is not due until resumed; a resumed feed, or one asked for, is due at once',
  async (t, backend) => {
    const { feeds } = await memoryState(t, backend);
    const { feed } = await feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null });
    const interval = 15 * 60_000;
    await feeds.recordSuccess(feed.id, { etag: null, lastModified: null }, T0);
    assert.deepEqual(await feeds.due(interval, minutes(1)), []);
    await feeds.pollSoon(feed.id);
    assert.deepEqual(
      (await feeds.due(interval, minutes(1))).map((f) => f.id),
      [feed.id],
    );
    await feeds.recordSuccess(feed.id, { etag: null, lastModified: null }, minutes(1));
    assert.deepEqual(await feeds.due(interval, minutes(2)), [], 'a poll ends the request');

    assert.equal(await feeds.pause(feed.id, 'it floods', minutes(2)), true);
    assert.equal(await feeds.pause(feed.id, 'again', minutes(3)), false, 'paused once');
    const paused = await feeds.get(feed.id);
    assert.deepEqual([paused?.pausedAt, paused?.pauseReason], [minutes(2).toISOString(), 'it floods']);
    assert.deepEqual(await feeds.due(interval, minutes(60)), [], 'paused: never due');
    assert.equal(await feeds.resume(feed.id), true);
    assert.equal(await feeds.resume(feed.id), false, 'not paused any more');
    assert.deepEqual(
      (await feeds.due(interval, minutes(3))).map((f) => f.id),
      [feed.id],
      'resumed: polled at the next round',
    );
    assert.equal((await feeds.get(feed.id))?.pausedAt, null);
  },
);

contractTest(
  'a feed keeps its newest skipped items with their reasons; a removed feed records nothing',
  async (t, backend) => {
    const { feeds } = await memoryState(t, backend);
    const { feed } = await feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null });
    for (let n = 1; n <= SKIPPED_KEPT + 2; n++)
      await feeds.recordSkipped(
        feed.id,
        { title: `Story ${n}`, link: `https://news.example/${n}`, reason: `reason ${n}` },
        minutes(n),
      );
    const kept = await feeds.skipped(feed.id);
    assert.equal(kept.length, SKIPPED_KEPT);
    assert.deepEqual(kept[0], {
      title: `Story ${SKIPPED_KEPT + 2}`,
      link: `https://news.example/${SKIPPED_KEPT + 2}`,
      reason: `reason ${SKIPPED_KEPT + 2}`,
      at: minutes(SKIPPED_KEPT + 2).toISOString(),
    });
    await feeds.remove(feed.id);
    await feeds.recordSkipped(feed.id, { title: null, link: null, reason: 'late' });
    assert.deepEqual(await feeds.skipped(feed.id), []);
    assert.equal(await feeds.markSeen(feed.id, [{ guid: 'g1', link: null }]), 0, 'nothing to remember for');
  },
);
