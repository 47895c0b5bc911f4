import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familyOf, idFamily } from '../../src/discord/idFamily.js';

const page = idFamily<{ key: string; page: number }>('demo-page', 2, {
  encode: ({ key, page }) => [key, page],
  decode: ([key, page, ...rest]) =>
    key && /^[a-z0-9]+$/.test(key) && page && /^\d{1,3}$/.test(page) && rest.length === 0
      ? { key, page: Number(page) }
      : undefined,
});

test('an id family builds and parses its own ids with typed arguments', () => {
  const id = page.build({ key: 'abc', page: 3 });
  assert.equal(id, 'demo-page.v2:abc:3');
  assert.deepEqual(page.parse(id), { key: 'abc', page: 3 });
});

test('an id of another version, another family or with forged fields is not parsed', () => {
  for (const id of [
    'demo-page.v1:abc:3',
    'demo-page:abc:3',
    'other.v2:abc:3',
    'demo-page.v2:ABC:3',
    'demo-page.v2:abc:3:4',
  ])
    assert.equal(page.parse(id), undefined, id);
});

test('the router finds the family by name, for versioned and older ids alike', () => {
  assert.equal(familyOf('demo-page.v2:abc:3'), 'demo-page');
  assert.equal(familyOf('share:abc'), 'share');
  assert.equal(familyOf('plain'), 'plain');
});

test('building refuses a field holding the separator and an id over 100 characters', () => {
  assert.throws(() => page.build({ key: 'a:b', page: 1 }), /':'/);
  assert.throws(() => page.build({ key: 'a'.repeat(120), page: 1 }), /over 100/);
  assert.throws(() => idFamily('Bad.Name', 1, { encode: () => [], decode: () => ({}) }), /family name/);
});
