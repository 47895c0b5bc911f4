import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSource } from '../../../src/cli/formatAnswerText.js';
import { sourceLine } from '../../../src/discord/render/sourceLine.js';
import { threadCitation } from '../../../src/discord/render/threadCitation.js';
import type { Citation, Source } from '../../../src/types.js';

const SOURCE: Source = {
  title: 'Thousands march in Hrodna',
  outlet: 'Belarus Wire',
  outletClaim: null,
  author: null,
  published: '2020-10-11',
  publishedInferred: false,
  url: null,
};

test('every citation shows its date: as given, marked when read off the text, or "undated"', () => {
  assert.equal(sourceLine(1, SOURCE), '[1] Thousands march in Hrodna — Belarus Wire, 2020-10-11');
  assert.equal(
    sourceLine(2, { ...SOURCE, publishedInferred: true }),
    '[2] Thousands march in Hrodna — Belarus Wire, 2020-10-11 (date from the text)',
  );
  assert.equal(
    sourceLine(3, { ...SOURCE, published: null }),
    '[3] Thousands march in Hrodna — Belarus Wire, undated',
  );
  assert.equal(
    formatSource({ ...SOURCE, published: null }),
    'Thousands march in Hrodna — Belarus Wire, undated',
  );
  assert.equal(
    formatSource({ ...SOURCE, publishedInferred: true }),
    'Thousands march in Hrodna — Belarus Wire, 2020-10-11 (date from the text)',
  );
});

const source: Source = {
  title: 'Grodno trams',
  outlet: '127.0.0.1',
  outletClaim: 'Reuters *breaking* <@123>',
  author: null,
  published: '2020-09-14',
  publishedInferred: false,
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
