import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDocument, type ListedFile } from '../../src/knowledge/findDocument.js';

const FILES: ListedFile[] = [
  {
    file: '2020-09-08-grodno-neman.md',
    id: '2020-09-08-grodno-neman',
    title: 'Grodno: Neman plant on strike',
  },
  { file: 'minsk-tram.txt', id: 'minsk-tram', title: 'Protests in Minsk' },
  { file: 'minsk-metro.md', id: 'minsk-metro', title: 'protests in  MINSK' },
  { file: 'broken.md' }, // skipped: listed, not indexed
];

test('the file name /knowledge list shows, the id and the title each find the document', () => {
  const grodno = { kind: 'found', file: '2020-09-08-grodno-neman.md' };
  assert.deepEqual(findDocument('2020-09-08-grodno-neman.md', FILES), grodno);
  assert.deepEqual(findDocument('2020-09-08-grodno-neman', FILES), grodno);
  assert.deepEqual(findDocument('  Grodno: Neman plant on strike ', FILES), grodno);
  assert.deepEqual(findDocument('grodno: neman PLANT on strike', FILES), grodno, 'any case');
  assert.deepEqual(findDocument('2020-09-08-Grodno-Neman.MD', FILES), grodno, 'a name in another case');
  assert.deepEqual(findDocument('minsk-tram.txt', FILES), { kind: 'found', file: 'minsk-tram.txt' });
  assert.deepEqual(findDocument('broken.md', FILES), { kind: 'found', file: 'broken.md' }, 'a skipped file');
});

test('a title two documents share is ambiguous and names both files', () => {
  assert.deepEqual(findDocument('Protests in Minsk', FILES), {
    kind: 'ambiguous',
    files: ['minsk-metro.md', 'minsk-tram.txt'],
  });
  // The exact file name or id still picks one.
  assert.deepEqual(findDocument('minsk-metro', FILES), { kind: 'found', file: 'minsk-metro.md' });
});

test('nothing else matches: no part of a name, no empty text', () => {
  for (const typed of ['', '   ', 'grodno', '2020-09-08-grodno-neman.txt', 'Protests', 'minsk-tram.md'])
    assert.deepEqual(findDocument(typed, FILES), { kind: 'none' }, typed);
});

test('an exact id or file name wins over a title that happens to equal it', () => {
  const files: ListedFile[] = [
    { file: 'a.md', id: 'a', title: 'b' },
    { file: 'b.md', id: 'b', title: 'Something' },
  ];
  assert.deepEqual(findDocument('b', files), { kind: 'found', file: 'b.md' });
});
