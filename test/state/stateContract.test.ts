import assert from 'node:assert/strict';
import { FeedRemovedError } from '../../src/state/errors.js';
import type { FeedbackRecord } from '../../src/state/feedbackStore.js';
import { contractTest } from '../helpers/stateBackends.js';

const T0 = new Date('2024-05-01T12:00:00.000Z');

const vote = (member: string, query: string, time = 't1'): FeedbackRecord => ({
  time,
  kind: 'vote',
  query,
  key: 'k1',
  passageIds: ['a#1', 'b#2'],
  vote: 'up',
  member,
});

contractTest(
  'feedback: records kept as given and in order, counted, forgotten by member',
  async (t, backend) => {
    const { feedback } = await backend.open(t, () => T0);
    const flag: FeedbackRecord = {
      time: '2024-05-01T12:01:00Z',
      kind: 'flag',
      query: null,
      key: null,
      passageIds: ['c#3'],
      reason: 'wrong <@everyone>',
      member: 'hb',
    };
    await feedback.append(vote('ha', 'Who won?'));
    await feedback.append(flag);
    await feedback.append(vote('ha', 'When?', 't3'));
    assert.deepEqual(await feedback.list(), [vote('ha', 'Who won?'), flag, vote('ha', 'When?', 't3')]);
    assert.equal(await feedback.count(), 3);
    assert.equal(await feedback.forgetMember('ha'), 2);
    assert.deepEqual(await feedback.list(), [flag]);
  },
);

contractTest(
  'feedback: an imported file is kept all at once, and the same file never twice',
  async (t, backend) => {
    const { feedback } = await backend.open(t, () => T0);
    const description = {
      file: 'feedback.jsonl',
      digest: 'd1',
      records: 2,
      skipped: 1,
      importedAt: T0.toISOString(),
    };
    const records = [vote('ha', 'One?'), vote('hb', 'Two?')];
    assert.equal(await feedback.importFile(description, records), true);
    assert.equal(await feedback.importFile({ ...description, file: 'copy.jsonl' }, records), false);
    assert.deepEqual(await feedback.imports(), [description]);
    assert.equal(await feedback.count(), 2);
  },
);

contractTest('audit: entries newest first, with their diff, up to the limit', async (t, backend) => {
  const { audit } = await backend.open(t, () => T0);
  await audit.record({
    moderator: 'hm',
    guildId: 'g1',
    action: 'reindex',
    diff: { added: 2, files: ['a.md'] },
  });
  await audit.record(
    { moderator: 'hn', guildId: null, action: 'feed added', diff: { feed: 3 } },
    new Date(T0.getTime() + 1000),
  );
  const entries = await audit.recent(10);
  assert.deepEqual(
    entries.map(({ id: _id, ...rest }) => rest),
    [
      {
        at: '2024-05-01T12:00:01.000Z',
        moderator: 'hn',
        guildId: null,
        action: 'feed added',
        diff: { feed: 3 },
      },
      {
        at: T0.toISOString(),
        moderator: 'hm',
        guildId: 'g1',
        action: 'reindex',
        diff: { added: 2, files: ['a.md'] },
      },
    ],
  );
  assert.equal((await audit.recent(1)).length, 1);
});

contractTest(
  'a feed removed while its item was read: the item is refused as removed, seen nothing, no constraint error',
  async (t, backend) => {
    const state = await backend.open(t, () => T0);
    const { feed } = await state.feeds.add({ url: 'https://news.example/rss', name: null, addedBy: null });
    assert.equal(await state.feeds.remove(feed.id), true);
    const preview = {
      title: 'T',
      outlet: null,
      published: null,
      url: 'https://news.example/1',
      passages: 1,
      firstPassage: 'x',
    };
    await assert.rejects(
      state.reviews.enqueue({ feedId: feed.id, itemKey: 'g1', url: preview.url, preview }),
      FeedRemovedError,
    );
    assert.equal(await state.feeds.markSeen(feed.id, [{ guid: 'g1', link: null }]), 0);
    await state.feeds.recordSkipped(feed.id, { title: 'T', link: null, reason: 'too short' });
    assert.deepEqual(await state.reviews.pending(), []);
  },
);

contractTest('ping answers while the database does', async (t, backend) => {
  const state = await backend.open(t);
  await state.ping();
});
