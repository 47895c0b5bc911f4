import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import type { FeedItem } from '../../src/feeds/parseFeed.js';
import { queueFeedItem } from '../../src/feeds/queueFeedItem.js';
import { removeFeed } from '../../src/feeds/removeFeed.js';
import { PENDING_IN_ALL, PENDING_PER_FEED } from '../../src/feeds/reviewBounds.js';
import { REVIEW_DIR } from '../../src/feeds/reviewPages.js';
import { articleOf, mergedOf } from '../../src/feeds/reviewPreview.js';
import type { ReviewItem } from '../../src/state/reviewQueue.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { pathExists } from '../../src/util/pathExists.js';
import { articlePage, listingPage, TRAM_META } from '../helpers/articlePages.js';
import { page, startPageServer } from '../helpers/pageServer.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const BRIEF = 'Grodno tram drivers walked out on Monday over unpaid wages.';

/** A scratch DATA_DIR, the state in memory, two feeds, and a site with the tram article at two addresses. */
async function setup(t: TestContext) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  const server = await startPageServer({
    '/trams': page(articlePage({ head: TRAM_META })),
    '/trams-no-canonical': page(articlePage()),
    '/trams-copy': page(articlePage()),
    '/section': page(listingPage()),
    '/brief': page(articlePage({ paragraphs: [BRIEF] })),
  });
  t.after(() => server.close());
  const a = (await state.feeds.add({ url: 'https://a.example/rss', name: 'Feed A', addedBy: null })).feed;
  const b = (await state.feeds.add({ url: 'https://b.example/rss', name: 'Feed B', addedBy: null })).feed;
  const posted: ReviewItem[] = [];
  const updated: ReviewItem[] = [];
  const deps = {
    dataDir: ws.dataDir,
    allowPrivate: true,
    feeds: state.feeds,
    reviews: state.reviews,
    known: async () => [] as never[],
    post: async (item: ReviewItem) => {
      posted.push(item);
      return { channelId: '11111111111111111', messageId: `3333333333333333${posted.length}` };
    },
    update: async (item: ReviewItem) => void updated.push(item),
    logger: recordingLogger().logger,
  };
  const item = (guid: string, path: string | null): FeedItem => ({
    guid,
    link: path === null ? null : server.url(path),
    title: `Story ${guid}`,
    published: null,
  });
  return { ws, state, server, a, b, posted, updated, deps, item };
}

test('an item not queued is kept with its reason: no link, a page that is no article, one the knowledge has', async (t) => {
  const { state, server, a, deps, item } = await setup(t);
  const known = [
    {
      id: 'trams',
      file: 'trams.md',
      title: 'Grodno trams',
      // The page's own address: a canonical on another site names no document (provenance).
      url: server.url('/trams'),
      textKey: 'x',
    },
  ];
  assert.equal(await queueFeedItem(a, item('n1', null), deps), 'no-link');
  assert.equal(await queueFeedItem(a, item('n2', '/section'), deps), 'unreadable');
  assert.equal(
    await queueFeedItem(a, item('n3', '/trams'), { ...deps, known: async () => known }),
    'duplicate',
  );
  const skipped = await state.feeds.skipped(a.id);
  assert.deepEqual(
    skipped.map((s) => s.title),
    ['Story n3', 'Story n2', 'Story n1'],
  );
  assert.equal(skipped[0]?.reason, 'already in the knowledge as “Grodno trams” (trams.md)');
  assert.match(skipped[1]?.reason ?? '', /mostly links .*listing page/);
  assert.equal(skipped[2]?.reason, 'the item links to no article');
  assert.deepEqual(await state.feeds.unseen(a.id, [item('n1', null), item('n3', '/trams')]), [], 'all seen');
});

test('a short item, one full sentence of article, is queued for review as a brief', async (t) => {
  const { a, posted, deps, item } = await setup(t);
  assert.equal(await queueFeedItem(a, item('b1', '/brief'), deps), 'queued');
  assert.equal(posted[0]?.preview.firstPassage, BRIEF);
  assert.equal(articleOf(posted[0]!.preview).words, 10);
});

test('the same article from another feed, by URL or by text, is merged into the pending item: one message, updated', async (t) => {
  const { state, a, b, posted, updated, deps, item } = await setup(t);
  assert.equal(await queueFeedItem(a, item('a1', '/trams-no-canonical'), deps), 'queued');
  assert.equal(await queueFeedItem(b, item('b1', '/trams-no-canonical'), deps), 'merged', 'same URL');
  assert.equal(await queueFeedItem(b, item('b2', '/trams-copy'), deps), 'merged', 'same text');
  assert.equal(posted.length, 1);
  const [pending] = await state.reviews.pending();
  assert.deepEqual(
    mergedOf(pending!.preview).map((m) => [m.feed, m.itemKey]),
    [
      ['Feed B', 'b1'],
      ['Feed B', 'b2'],
    ],
  );
  assert.deepEqual(
    updated.map((u) => mergedOf(u.preview).length),
    [1, 2],
    'the message is shown again with each',
  );
  assert.deepEqual(await state.reviews.waiting(b.id), { feed: 2, all: 1 });
});

test('past its bound a feed’s item is neither fetched nor seen; a full queue holds every feed back', async (t) => {
  const { state, server, a, b, deps, item } = await setup(t);
  const hits = server.hits.length;
  const full = (waiting: { feed: number; all: number }) => ({
    ...deps,
    reviews: Object.assign(Object.create(state.reviews) as typeof state.reviews, {
      waiting: async () => waiting,
    }),
  });
  const next = item('x1', '/trams');
  assert.equal(await queueFeedItem(a, next, full({ feed: PENDING_PER_FEED, all: 30 })), 'feed-full');
  assert.equal(await queueFeedItem(b, next, full({ feed: 0, all: PENDING_IN_ALL })), 'queue-full');
  assert.equal(server.hits.length, hits, 'nothing fetched');
  assert.deepEqual(await state.feeds.unseen(a.id, [next]), [next], 'left for a later round');
  assert.deepEqual(await state.feeds.unseen(b.id, [next]), [next]);
});

test('removing a feed withdraws its pending items and their pages; an item read meanwhile is kept nowhere', async (t) => {
  const { ws, state, a, deps, item } = await setup(t);
  assert.equal(await queueFeedItem(a, item('a1', '/trams'), deps), 'queued');
  const [pending] = await state.reviews.pending();
  const kept = join(ws.dataDir, REVIEW_DIR, `${pending!.id}.html`);
  assert.ok(await pathExists(kept));
  // Removed while its next item's page is being read.
  const reading = queueFeedItem(a, item('a2', '/trams-copy'), {
    ...deps,
    known: async () => {
      const withdrawn = await removeFeed(a.id, deps);
      assert.deepEqual(
        withdrawn?.map((i) => i.id),
        [pending!.id],
      );
      return [];
    },
  });
  assert.equal(await reading, 'feed-removed');
  assert.deepEqual(await state.reviews.pending(), []);
  assert.ok(!(await pathExists(kept)), 'its page went with it');
  assert.deepEqual(await readdir(join(ws.dataDir, REVIEW_DIR)), []);
  assert.equal(await state.feeds.get(a.id), null);
});
