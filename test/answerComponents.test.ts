import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AnswerView, answerComponents } from '../src/discord/render/answerMessage.js';
import type { KnowledgeInfo } from '../src/search/browse.js';
import type { Answer, Citation } from '../src/types.js';

const citation = { rank: 1, passageId: 'abcdef012345' } as Citation;
const answer = { query: 'q', answered: true, outlets: 1, citations: [citation], suggestions: [] } as Answer;

function labels(overrides: Partial<AnswerView>): string[] {
  const view: AnswerView = {
    answer,
    info: {} as KnowledgeInfo,
    key: 'k1',
    ephemeral: false,
    hasMore: false,
    nextOffset: 3,
    inThread: false,
    inGuild: true,
    ...overrides,
  };
  return answerComponents(view)[0]?.components.map((b) => ('label' in b ? (b.label ?? '') : '')) ?? [];
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
