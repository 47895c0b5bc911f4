import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { backoffMs, MAX_BACKOFF_MS } from '../../src/feeds/backoff.js';
import { fetchFeed } from '../../src/feeds/fetchFeed.js';
import type { FeedItem } from '../../src/feeds/parseFeed.js';
import { pollFeed } from '../../src/feeds/pollFeed.js';
import { pollRound } from '../../src/feeds/pollRound.js';
import type { Feed } from '../../src/state/feedStore.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { atom, changingFeed, type FeedEntry, MALFORMED_FEED, rss } from '../helpers/feedServer.js';
import { type PageServer, page, startPageServer } from '../helpers/pageServer.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const INTERVAL = 15 * 60_000;
const T0 = new Date('2024-05-01T12:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const entry = (n: number): FeedEntry => ({
  guid: `item-${n}`,
  link: `https://news.example/story-${n}`,
  title: `Story ${n}`,
  published: new Date(T0.getTime() + n * 60_000).toUTCString(),
});
const entries = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(to - i)); // newest first

let server: PageServer;
let dir: string;
const live = changingFeed(rss('Live', entries(1, 3)));
const capped = changingFeed(rss('Capped', entries(1, 2)));
const reopened = changingFeed(atom('Reopened', entries(1, 2)), 'application/atom+xml');
let flaky = 'good' as 'bad' | 'good';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crisis-desk-feeds-'));
  server = await startPageServer({
    '/live': live.handler,
    '/capped': capped.handler,
    '/reopened': reopened.handler,
    '/malformed': page(MALFORMED_FEED, 'application/rss+xml'),
    '/flaky': (req, res) =>
      flaky === 'bad'
        ? page(MALFORMED_FEED, 'text/xml')(req, res)
        : page(rss('Flaky', entries(1, 1)), 'text/xml')(req, res),
    '/page/loop': (_req, res) => {
      res.writeHead(302, { location: '/page/loop-back' });
      res.end();
    },
    '/page/loop-back': (_req, res) => {
      res.writeHead(302, { location: '/page/loop' });
      res.end();
    },
    '/gone': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('oops');
    },
  });
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function openState(name: string, now: () => Date = () => T0) {
  return SqliteState.open({ path: join(dir, name), now });
}

function deps(state: SqliteState, now: () => Date = () => T0) {
  return { feeds: state.feeds, fetchFeed, allowPrivate: true, intervalMs: INTERVAL, now };
}

/** What a round needs beside polling: nothing pauses in these tests. */
const roundHooks = { logger: recordingLogger().logger, onPaused: async () => assert.fail('nothing pauses') };

async function addFeed(state: SqliteState, path: string): Promise<Feed> {
  return (await state.feeds.add({ url: server.url(path), name: null, addedBy: null })).feed;
}

const current = async (state: SqliteState, feed: Feed) => (await state.feeds.get(feed.id)) as Feed;

test('conditional requests: the validators go out, a 304 costs no body, a change comes back whole', async () => {
  const url = server.url('/live');
  const first = await fetchFeed(url, { allowPrivate: true });
  assert.equal(first.kind, 'feed');
  assert.ok(first.bytes > 500);
  assert.deepEqual(first.validators, { etag: '"v1"', lastModified: 'Mon, 14 Sep 2020 10:00:00 GMT' });
  const second = await fetchFeed(url, { allowPrivate: true, validators: first.validators });
  assert.deepEqual(second, { kind: 'not-modified', validators: first.validators, bytes: 0 });
  const byDate = await fetchFeed(url, {
    allowPrivate: true,
    validators: { etag: null, lastModified: first.validators.lastModified },
  });
  assert.equal(byDate.kind, 'not-modified');
  assert.deepEqual(
    live.requests.map((r) => [r.ifNoneMatch, r.ifModifiedSince, r.status]),
    [
      [null, null, 200],
      ['"v1"', 'Mon, 14 Sep 2020 10:00:00 GMT', 304],
      [null, 'Mon, 14 Sep 2020 10:00:00 GMT', 304],
    ],
  );
  live.set(rss('Live', entries(1, 4)));
  const changed = await fetchFeed(url, { allowPrivate: true, validators: first.validators });
  assert.equal(changed.kind, 'feed');
  assert.equal(changed.kind === 'feed' && changed.feed.items[0]?.guid, 'item-4');
  assert.equal(changed.validators.etag, '"v2"');
  // Loopback is refused without FETCH_ALLOW_PRIVATE, with the reason.
  await assert.rejects(fetchFeed(url, { allowPrivate: false }), /loopback/);
});

test('a feed fetch error names the feed, and leaves the addresses in it as they are', async () => {
  await assert.rejects(fetchFeed(server.url('/page/loop'), { allowPrivate: true }), {
    message: `the redirects go round in a loop (back to ${server.url('/page/loop')})`,
  });
});

test('the first poll marks what the feed holds as seen and queues none; later polls bring only new items', async (t) => {
  const state = openState('first-poll.db');
  t.after(() => state.close());
  const feed = await addFeed(state, '/live');
  const first = await pollFeed(feed, deps(state));
  assert.equal(first.kind, 'baseline');
  assert.equal(first.kind === 'baseline' && first.items, 4);
  assert.equal((await current(state, feed)).etag, '"v2"');
  assert.deepEqual(await pollFeed(await current(state, feed), deps(state)), {
    kind: 'not-modified',
    bytes: 0,
  });

  live.set(rss('Live', entries(1, 6)));
  const changed = await pollFeed(await current(state, feed), deps(state));
  assert.equal(changed.kind, 'changed');
  const fresh = changed.kind === 'changed' ? changed.newItems : [];
  assert.deepEqual(
    fresh.map((i) => i.guid),
    ['item-6', 'item-5'],
  );
});

test('a failing feed backs off, doubling from the poll interval, and a success ends it', async (t) => {
  assert.deepEqual(
    [1, 2, 3, 10, 40].map((n) => backoffMs(n, INTERVAL)),
    [INTERVAL, 2 * INTERVAL, 4 * INTERVAL, MAX_BACKOFF_MS, MAX_BACKOFF_MS],
  );
  let now = T0;
  const state = openState('backoff.db', () => now);
  t.after(() => state.close());
  const feed = await addFeed(state, '/flaky');
  assert.equal(
    (
      await pollFeed(
        feed,
        deps(state, () => now),
      )
    ).kind,
    'baseline',
  );
  flaky = 'bad';
  const first = await pollFeed(
    await current(state, feed),
    deps(state, () => now),
  );
  assert.equal(first.kind, 'failed');
  assert.match(first.kind === 'failed' ? first.error : '', /not well-formed XML/);
  let stored = await current(state, feed);
  assert.equal(stored.failures, 1);
  assert.equal(stored.retryAt, at(15).toISOString());
  assert.match(stored.lastError ?? '', /not well-formed XML \(line/);

  now = at(15);
  assert.deepEqual(
    (await state.feeds.due(INTERVAL, now)).map((f) => f.id),
    [feed.id],
  );
  await pollFeed(
    stored,
    deps(state, () => now),
  );
  stored = await current(state, feed);
  assert.equal(stored.failures, 2);
  assert.equal(stored.retryAt, at(45).toISOString());
  now = at(44);
  assert.deepEqual(await state.feeds.due(INTERVAL, now), [], 'not polled while backing off');

  now = at(45);
  flaky = 'good';
  assert.equal(
    (
      await pollFeed(
        stored,
        deps(state, () => now),
      )
    ).kind,
    'changed',
  );
  stored = await current(state, feed);
  assert.deepEqual([stored.failures, stored.retryAt, stored.lastError], [0, null, null]);

  const gone = await addFeed(state, '/gone');
  const result = await pollFeed(
    gone,
    deps(state, () => now),
  );
  assert.equal(result.kind === 'failed' && result.error, 'the feed answered HTTP 500 Internal Server Error');
});

test('items seen are remembered across a reopened database', async () => {
  const path = 'reopened.db';
  let state = openState(path);
  const feed = await addFeed(state, '/reopened');
  assert.equal((await pollFeed(feed, deps(state))).kind, 'baseline');
  await state.close();

  reopened.set(atom('Reopened', entries(1, 3)));
  state = openState(path);
  try {
    const handled: string[] = [];
    const report = await pollRound({
      ...deps(state, () => at(20)),
      ...roundHooks,
      handleItem: async (f, item) => {
        handled.push(item.guid ?? '');
        await state.feeds.markSeen(f.id, [item]);
        return 'queued';
      },
    });
    assert.deepEqual(handled, ['item-3']);
    assert.equal(report.changed, 1);
  } finally {
    await state.close();
  }
});

test('a round handles at most its cap of items; the rest stay unseen and the next request is not conditional', async (t) => {
  const state = openState('cap.db');
  t.after(() => state.close());
  const feed = await addFeed(state, '/capped');
  await pollFeed(feed, deps(state));
  capped.set(rss('Capped', entries(1, 9)));
  const handled: string[] = [];
  const round = (minutes: number) =>
    pollRound({
      ...deps(state, () => at(minutes)),
      maxItems: 4,
      ...roundHooks,
      handleItem: async (f: Feed, item: FeedItem) => {
        handled.push(item.guid ?? '');
        await state.feeds.markSeen(f.id, [item]);
        return 'queued' as const;
      },
    });
  const first = await round(15);
  assert.deepEqual(handled, ['item-9', 'item-8', 'item-7', 'item-6']);
  assert.equal(first.items, 4);
  assert.equal((await current(state, feed)).etag, null, 'validators dropped while items are left');
  await round(30);
  assert.deepEqual(handled.slice(4), ['item-5', 'item-4', 'item-3']);
  assert.equal((await current(state, feed)).etag, '"v2"');
  const last = capped.requests.at(-1);
  assert.equal(last?.ifNoneMatch, null);
  const quiet = await round(45);
  assert.deepEqual([quiet.notModified, quiet.items, quiet.bytes], [1, 0, 0]);
  assert.equal(handled.length, 7);
});

test('an item left unhandled (a crash mid-round) is polled again, never hidden by a 304', async (t) => {
  const state = openState('crash.db');
  t.after(() => state.close());
  const path = '/live';
  const feed = await addFeed(state, path);
  await pollFeed(feed, deps(state));
  live.set(rss('Live', entries(1, 7)));
  const changed = await pollFeed(await current(state, feed), deps(state));
  assert.equal(changed.kind, 'changed');
  // No handleItem, no pollSucceeded: the process died here.
  const again = await pollFeed(await current(state, feed), deps(state));
  assert.equal(again.kind, 'changed');
  assert.deepEqual(again.kind === 'changed' && again.newItems.map((i) => i.guid), ['item-7']);
});

test('poll cost: an unchanged feed costs a 304 and no body; a changed one its bytes', async (t) => {
  const state = openState('cost.db');
  t.after(() => state.close());
  const big = changingFeed(rss('Big', entries(1, 50)));
  const costServer = await startPageServer({ '/big': big.handler });
  t.after(() => costServer.close());
  const feed = (await state.feeds.add({ url: costServer.url('/big'), name: null, addedBy: null })).feed;
  await pollFeed(feed, deps(state));
  const POLLS = 20;
  const measure = async (change: boolean) => {
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < POLLS; i++) {
      if (change) big.set(rss('Big', entries(i + 2, i + 51)));
      const result = await pollFeed(await current(state, feed), deps(state));
      if (result.kind === 'changed') {
        await state.feeds.markSeen(feed.id, result.newItems);
        await state.feeds.recordSuccess(feed.id, result.validators);
      }
      if (result.kind !== 'failed') bytes += result.bytes;
      assert.equal(result.kind, change ? 'changed' : 'not-modified');
    }
    return { ms: (performance.now() - started) / POLLS, bytes: bytes / POLLS };
  };
  const unchanged = await measure(false);
  const changed = await measure(true);
  assert.equal(unchanged.bytes, 0);
  assert.ok(changed.bytes > 10_000, `a 50-item feed is ${changed.bytes} bytes`);
  t.diagnostic(
    `per poll of a 50-item RSS feed: unchanged ${unchanged.ms.toFixed(1)} ms, ${unchanged.bytes} bytes (304); changed ${changed.ms.toFixed(1)} ms, ${Math.round(changed.bytes)} bytes`,
  );
});
