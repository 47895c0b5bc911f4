import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { applyReview } from '../../src/feeds/applyReview.js';
import type { FeedItem } from '../../src/feeds/parseFeed.js';
import { queueFeedItem } from '../../src/feeds/queueFeedItem.js';
import { REVIEW_DIR } from '../../src/feeds/reviewPages.js';
import type { ReviewItem } from '../../src/state/reviewQueue.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { pathExists } from '../../src/util/pathExists.js';
import { articlePage, TRAM_PARAGRAPHS } from '../helpers/articlePages.js';
import { page, startPageServer } from '../helpers/pageServer.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

test('a queued item is posted once, its page kept; Approve adds that page even with the site down, once', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  const server = await startPageServer({ '/trams': page(articlePage()) });
  const { feed } = await state.feeds.add({ url: 'https://news.example/rss', name: 'News', addedBy: null });
  const item: FeedItem = { guid: 'g1', link: server.url('/trams'), title: 'Trams', published: null };
  const posted: ReviewItem[] = [];
  const { logger } = recordingLogger();
  const deps = {
    dataDir: ws.dataDir,
    allowPrivate: true,
    feeds: state.feeds,
    reviews: state.reviews,
    known: async () => [],
    post: async (queued: ReviewItem) => {
      posted.push(queued);
      return { channelId: '11111111111111111', messageId: `2222222222222222${posted.length}` };
    },
    update: async () => {},
    logger,
  };

  assert.equal(await queueFeedItem(feed, item, deps), 'queued');
  // The same article under another guid is merged into the pending item (noted on its message).
  assert.equal(await queueFeedItem(feed, { ...item, guid: 'g2' }, deps), 'merged');
  assert.equal(posted.length, 1, 'posted once');
  assert.deepEqual(await state.feeds.unseen(feed.id, [item]), [], 'marked seen');
  const [queued] = await state.reviews.pending();
  assert.equal(queued?.messageId, '22222222222222221');
  assert.equal(queued?.preview.title, 'Grodno tram drivers walk out over unpaid wages');
  assert.equal(queued?.preview.feed, 'News');
  assert.ok(await pathExists(join(ws.dataDir, REVIEW_DIR, `${queued!.id}.html`)));

  await server.close(); // the site is down by the time a moderator approves
  const { item: approved } = await state.reviews.decide(queued!.id, {
    status: 'approved',
    by: '33333333333333333',
  });
  const applyDeps = {
    config: { knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir },
    allowPrivate: true,
    reviews: state.reviews,
    logger,
  };
  const running = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  // Killed after the file was written, before the item was marked applied.
  const killed = applyReview(approved!, {
    ...applyDeps,
    engine: running,
    reviews: { markApplied: async () => Promise.reject(new Error('killed')) },
  });
  await assert.rejects(killed, /killed/);
  const written = (await readdir(ws.knowledgeDir)).filter((f) => f.startsWith('grodno-tram'));
  assert.equal(written.length, 1);
  assert.ok((await readdir(join(ws.dataDir, 'snapshots'))).some((f) => f.endsWith('.html')));
  assert.deepEqual(
    (await state.reviews.awaitingApply()).map((i) => i.id),
    [queued!.id],
  );

  // The restart indexes the folder, then applies what awaits: the knowledge has it, so it is only marked.
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  assert.ok(
    [...engine.current.passages.values()].some((p) => p.text.includes(TRAM_PARAGRAPHS[0]!.slice(0, 40))),
  );
  const before = await readdir(ws.knowledgeDir);
  const resumed = await applyReview(approved!, { ...applyDeps, engine });
  assert.equal(resumed.kind, 'duplicate');
  assert.equal(resumed.kind === 'duplicate' && resumed.duplicate.existing.file, written[0]);
  assert.deepEqual(await readdir(ws.knowledgeDir), before, 'nothing written twice');
  assert.ok((await state.reviews.get(queued!.id))?.appliedAt);
  assert.deepEqual(await state.reviews.awaitingApply(), []);
  assert.ok(!(await pathExists(join(ws.dataDir, REVIEW_DIR, `${queued!.id}.html`))), 'the kept page is gone');
});

test('an item whose article the knowledge holds already is marked seen and never queued', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  const server = await startPageServer({
    '/trams': page(articlePage()),
    '/empty': page('<html><body><p>Hi</p></body></html>'),
  });
  t.after(() => server.close());
  const { feed } = await state.feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null });
  const { logger, messages } = recordingLogger();
  const known = [
    { id: 'grodno', file: 'grodno.md', title: 'Grodno', url: server.url('/trams'), textKey: 'x' },
  ];
  const deps = {
    dataDir: ws.dataDir,
    allowPrivate: true,
    feeds: state.feeds,
    reviews: state.reviews,
    known: async () => known,
    post: async () => assert.fail('nothing is posted'),
    update: async () => assert.fail('nothing is updated'),
    logger,
  };
  const trams = { guid: 'g1', link: server.url('/trams'), title: null, published: null };
  const empty = { guid: 'g2', link: server.url('/empty'), title: null, published: null };
  assert.equal(await queueFeedItem(feed, trams, deps), 'duplicate');
  assert.equal(await queueFeedItem(feed, empty, deps), 'unreadable');
  assert.deepEqual(await state.reviews.pending(), []);
  assert.deepEqual(await state.feeds.unseen(feed.id, [trams, empty]), []);
  assert.deepEqual(messages('warn'), ['feed item not queued: its page cannot be read']);
});
