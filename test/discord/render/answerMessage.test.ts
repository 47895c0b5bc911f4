import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AnswerView, answerMessage } from '../../../src/discord/render/answerMessage.js';
import type { KnowledgeInfo } from '../../../src/search/knowledgeInfo.js';
import type { Answer, Citation } from '../../../src/types.js';

const citation = {
  rank: 1,
  passageId: 'abcdef012345',
  quote: 'A quoted sentence.',
  highlights: [],
  source: { title: 'Title', outlet: 'Outlet', author: null, published: '2020-08-26', url: null },
} as unknown as Citation;
const info = { documents: 1, passages: 1, builtAt: '2020-08-26T00:00:00.000Z' } as KnowledgeInfo;
const answer = { query: 'q', answered: true, outlets: 1, citations: [citation], suggestions: [] } as Answer;

function labels(overrides: Partial<AnswerView>): string[] {
  const view: AnswerView = {
    answer,
    info,
    key: 'k1',
    ephemeral: false,
    hasMore: false,
    nextOffset: 3,
    inThread: false,
    inGuild: true,
    ...overrides,
  };
  const [actions] = answerMessage(view).components ?? [];
  return actions?.components.map((b) => ('label' in b ? (b.label ?? '') : '')) ?? [];
}

test('a public answer in a server offers Open thread (Post citations here in a thread) and no Share', () => {
  assert.deepEqual(labels({}), ['More sources', 'Open thread']);
  assert.deepEqual(labels({ inThread: true }), ['More sources', 'Post citations here']);
});

test('a private answer offers Share and never Open thread: it goes public only through Share', () => {
  assert.deepEqual(labels({ ephemeral: true }), ['More sources', 'Share']);
  assert.deepEqual(labels({ ephemeral: true, inThread: true }), ['More sources', 'Share']);
  assert.deepEqual(labels({ ephemeral: true, nextOffset: 6 }), ['More sources', 'Share']);
});

test('in a DM there is no thread to open', () => {
  assert.deepEqual(labels({ inGuild: false }), ['More sources']);
});
