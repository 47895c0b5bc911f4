import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ids from '../../src/discord/customIds.js';
import type { IdFamily } from '../../src/discord/idFamily.js';

const KEY = 'abc123';
const PASSAGE = '0123456789ab-2';

/** The id `family` builds for `args` is `id`, and `id` parses back to `args`. */
function pinned<Args>(family: IdFamily<Args>, args: Args, id: string): void {
  assert.equal(family.build(args), id);
  assert.deepEqual(family.parse(id), args, id);
}

test('every family builds the custom_id messages already posted carry, and parses it back', () => {
  pinned(ids.moreSourcesId, { key: KEY, offset: 3 }, 'more.v1:abc123:3');
  pinned(ids.openThreadId, { key: KEY, offset: 0 }, 'thread.v1:abc123:0');
  pinned(ids.shareId, { key: KEY, offset: 6 }, 'share.v1:abc123:6');
  pinned(ids.showContextId, { passageId: PASSAGE }, 'context.v1:0123456789ab-2');
  pinned(ids.searchPageId, { key: KEY, page: 2 }, 'search-page.v1:abc123:2');
  pinned(ids.timelinePageId, { key: KEY, page: 2 }, 'timeline-page.v1:abc123:2');
  pinned(ids.sourcesPageId, { page: 2 }, 'sources-page.v1:2');
  pinned(ids.knowledgePageId, { page: 2 }, 'knowledge-page.v1:2');
  pinned(ids.gapsPageId, { page: 2 }, 'gaps-page.v1:2');
  pinned(ids.voteId, { key: KEY, direction: 'down' }, 'vote.v1:abc123:down');
  pinned(ids.flagId, { key: KEY, passageId: PASSAGE }, 'flag.v1:abc123:0123456789ab-2');
  pinned(ids.flagReasonId, { key: KEY, passageId: PASSAGE }, 'flag-reason.v1:abc123:0123456789ab-2');
  pinned(ids.articlePreviewId, { key: 'AAAAAAAA', choice: 'add' }, 'article.v1:AAAAAAAA:add');
  pinned(ids.tellMeId, { questionId: 42 }, 'tell-me.v1:42');
  pinned(ids.reviewButtonId, { itemId: 7, action: 'reject' }, 'review.v1:7:reject');
});
