import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePreview, duplicateRefusal, placementRefusal } from '../../src/cli/addUrlReport.js';
import type { ArticlePreview } from '../../src/ingest/articleDocument.js';

const doc = { id: 'a', file: 'a.md', title: 'Tram strike', url: 'https://news.example/a', textKey: 'k' };

test('refusals name the document in the way and what to do', () => {
  assert.equal(
    duplicateRefusal({ by: 'text', existing: doc }, false),
    'the same text is already in the knowledge as “Tram strike” (a.md), from https://news.example/a',
  );
  assert.equal(
    duplicateRefusal({ by: 'url', existing: doc }, true),
    '“Tram strike” (a.md) is already in the knowledge with this URL',
  );
  const existing = [{ file: 'a.md', meta: { title: 'Tram strike', url: null } }];
  assert.match(
    placementRefusal({ kind: 'refuse', why: 'needs-replace', existing }),
    /^“Tram strike” \(a\.md\) is already in the knowledge folder; add it with --replace/,
  );
  assert.match(
    placementRefusal({ kind: 'refuse', why: 'different-document', existing }),
    /^a different document, “Tram strike” \(a\.md\), has this article's file name/,
  );
  assert.match(
    placementRefusal({
      kind: 'refuse',
      why: 'unreadable',
      existing: [{ file: 'a.md', meta: null, reason: 'empty file' }],
    }),
    /^a\.md has this article's file name and is not a readable document \(empty file\)/,
  );
});

const preview = (words: number): ArticlePreview => ({
  file: 'a.md',
  title: 'Tram strike',
  outlet: 'Example News',
  author: null,
  published: '2020-09-14',
  url: 'https://news.example/a',
  inferred: ['outlet'],
  passages: 4,
  firstPassage: `${'word '.repeat(100)}end`,
  words,
});

test('the preview marks what was read off the page, and cuts a long first passage at a word', () => {
  const text = describePreview(preview(300));
  assert.match(text, /title: {5}Tram strike\n/);
  assert.match(text, /outlet: {4}Example News \(from the page\)\n/);
  assert.match(text, /author: {4}—\n/);
  assert.match(text, /passages: {2}4 \(300 words\)\n/);
  assert.match(text, /first: {5}(word ){59}word …$/);
});

test('an article under 80 words is marked a brief', () => {
  assert.match(describePreview(preview(53)), /passages: {2}4 \(brief, 53 words\)\n/);
});
