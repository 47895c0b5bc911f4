import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceLine } from '../../../src/discord/render/sourceLine.js';
import { threadCitation } from '../../../src/discord/render/threadCitation.js';
import type { Citation, Source } from '../../../src/types.js';

const source: Source = {
  title: 'Grodno trams',
  outlet: '127.0.0.1',
  outletClaim: 'Reuters *breaking* <@123>',
  author: null,
  published: '2020-09-14',
  url: 'http://127.0.0.1:8080/story',
};

test('a source line shows an outlet the page only claimed after its site, as a claim, escaped', () => {
  assert.equal(
    sourceLine(1, source),
    '[1] [Grodno trams](http://127.0.0.1:8080/story) — 127.0.0.1 (claims to be Reuters \\*breaking\\* \\<@123>), 2020-09-14',
  );
  assert.equal(
    sourceLine(2, { ...source, outlet: 'Reuters', outletClaim: null }),
    '[2] [Grodno trams](http://127.0.0.1:8080/story) — Reuters, 2020-09-14',
  );
});

test('a citation in its thread carries the same source line', () => {
  const citation = {
    rank: 1,
    passageId: 'p1',
    documentId: 'd',
    text: 'The depot stopped all 14 routes.',
    textHighlights: [],
    source,
  } as unknown as Citation;
  assert.ok(threadCitation(citation).embeds?.[0]?.description?.endsWith(sourceLine(1, source)));
});
