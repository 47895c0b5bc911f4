import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import { FIELD_COUNT, packTerms, TermPacker } from '../../src/text/packedTerms.js';

/** Each passage's fields as [term, frequency] lists, read back from the packed arrays. */
function unpack(packed: ReturnType<TermPacker['finish']>, passages: number) {
  const words = packed.fields.length === 0 ? [] : packed.terms.split(' ');
  const out: [string, number][][][] = [];
  let e = 0;
  for (let p = 0; p < passages; p++) {
    const fields: [string, number][][] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const list: [string, number][] = [];
      for (let k = 0; k < packed.counts[p * FIELD_COUNT + f]!; k++, e++)
        list.push([words[packed.entries[e]!]!, packed.freqs[e]!]);
      fields.push(list);
    }
    out.push(fields);
  }
  return out;
}

test('a document packs each distinct term of a field once, in the order first met, with its frequency per passage', () => {
  const packer = new TermPacker();
  packer.addPassage([['vote', 'minsk', 'vote'], ['mnsk'], ['vote'], []]);
  packer.addPassage([['minsk', 'strike'], [], ['vote'], []]);
  const packed = packer.finish();
  assert.deepEqual(packed.terms.split(' '), ['vote', 'minsk', 'mnsk', 'vote', 'strike']);
  assert.deepEqual([...packed.fields], [0, 0, 1, 2, 0]);
  assert.deepEqual(unpack(packed, 2), [
    [
      [
        ['vote', 2],
        ['minsk', 1],
      ],
      [['mnsk', 1]],
      [['vote', 1]],
      [],
    ],
    [
      [
        ['minsk', 1],
        ['strike', 1],
      ],
      [],
      [['vote', 1]],
      [],
    ],
  ]);
});

test('frequencies stop at the most a posting holds', () => {
  const packer = new TermPacker();
  packer.addPassage([Array.from({ length: 70_000 }, () => 'vote'), [], [], []]);
  assert.deepEqual(unpack(packer.finish(), 1)[0]![0], [['vote', 0xffff]]);
});

test('packTerms analyses text, keys, title and outlet, the document fields shared by every passage', () => {
  const packed = packTerms(
    ['Protesters marched in Minsk.', 'Lukashenko spoke.'],
    'Minsk protests',
    'Reuters',
    BUILT_IN_ALIASES,
  );
  const [first, second] = unpack(packed, 2);
  assert.deepEqual(first![2], second![2], 'the title is the same for both passages');
  assert.deepEqual(first![3], [['reuter', 1]]);
  assert.ok(first![0]!.some(([term]) => term === 'minsk'));
  assert.ok(second![1]!.length > 0, 'names have transliteration keys');
  assert.deepEqual(unpack(packTerms([], '', null, BUILT_IN_ALIASES), 0), []);
});
