import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitBackfill } from '../../src/feeds/backfill.js';
import type { FeedItem } from '../../src/feeds/parseFeed.js';

const item = (guid: string, published: string | null): FeedItem => ({
  guid,
  link: null,
  title: guid,
  published,
});

test('the newest items are offered: by date when every item has one, else in the feed’s order', () => {
  const dated = [
    item('old', 'Mon, 14 Sep 2020 08:00:00 GMT'),
    item('newest', 'Mon, 14 Sep 2020 12:00:00 GMT'),
    item('middle', '2020-09-14T10:00:00Z'),
  ];
  const { offered, seen } = splitBackfill(dated, 2);
  assert.deepEqual(
    offered.map((i) => i.guid),
    ['newest', 'middle'],
  );
  assert.deepEqual(
    seen.map((i) => i.guid),
    ['old'],
  );
  const undated = [item('first', null), item('second', 'Mon, 14 Sep 2020 12:00:00 GMT'), item('third', null)];
  assert.deepEqual(
    splitBackfill(undated, 1).offered.map((i) => i.guid),
    ['first'],
  );
  assert.deepEqual(splitBackfill(undated, 0).offered, []);
  assert.equal(splitBackfill(undated, 20).seen.length, 0);
});
