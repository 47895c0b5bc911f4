import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedPageOrigin } from '../../src/feeds/reviewPreview.js';
import type { ReviewPreview } from '../../src/state/reviewQueue.js';

const preview = (page: object): ReviewPreview => ({
  title: 'T',
  outlet: null,
  published: null,
  url: 'https://news.example/a',
  passages: 1,
  firstPassage: 'p',
  page,
});
const origin = { url: 'https://news.example/a', finalUrl: 'https://news.example/a' };
const QUEUED = '2020-09-14T10:00:05.000Z';

test('a kept page’s fetch time comes back for its snapshot; one kept before times were kept, its queueing time', () => {
  const fetchedAt = '2020-09-14T10:00:00.000Z';
  assert.equal(storedPageOrigin(preview({ ...origin, fetchedAt }), QUEUED)?.fetchedAt, fetchedAt);
  assert.equal(storedPageOrigin(preview(origin), QUEUED)?.fetchedAt, QUEUED);
});
