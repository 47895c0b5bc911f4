import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSource } from '../../../src/cli/formatAnswerText.js';
import { sourceLine } from '../../../src/discord/render/sourceLine.js';
import type { Source } from '../../../src/types.js';

const SOURCE: Source = {
  title: 'Thousands march in Hrodna',
  outlet: 'Belarus Wire',
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
