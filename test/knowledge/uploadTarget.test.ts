import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { canonicalUrl, sameDocument } from '../../src/knowledge/sameDocument.js';
import { decideUpload, type ExistingFile, filesSharingId } from '../../src/knowledge/uploadTarget.js';

const ARTICLE =
  'Protesters gathered in central Minsk on Sunday for the fourth weekend in a row. ' +
  'Police detained dozens of people, the Interior Ministry said, and the opposition called for new elections.';

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

const upload = (file: string, title: string, url: string | null = null) => ({ file, meta: { title, url } });
const existing = (file: string, title: string, url: string | null = null): ExistingFile => ({
  file,
  meta: { title, url },
});

test('a free id is added under the upload name', () => {
  assert.deepEqual(decideUpload(upload('slug.md', 'Tram strike'), [], false), {
    kind: 'add',
    file: 'slug.md',
  });
  assert.deepEqual(decideUpload(upload('slug.md', 'Tram strike'), [], true), {
    kind: 'add',
    file: 'slug.md',
  });
});

test('replace never overwrites a different document that took the name, and says which one it is', () => {
  const other = existing('minsk-tramvay.md', 'Минск: трамвайное депо бастует');
  for (const replace of [false, true]) {
    assert.deepEqual(decideUpload(upload('minsk-tramvay.md', 'Минск: новый маршрут'), [other], replace), {
      kind: 'refuse',
      why: 'different-document',
      existing: [other],
    });
  }
});

test('the same document is refused without replace, and replaced with it', () => {
  const same = existing('tram-strike.md', 'Tram strike', 'https://example.org/tram');
  assert.deepEqual(decideUpload(upload('tram-strike.md', 'tram  strike'), [same], false), {
    kind: 'refuse',
    why: 'needs-replace',
    existing: [same],
  });
  assert.deepEqual(decideUpload(upload('tram-strike.md', 'Tram strike'), [same], true), {
    kind: 'replace',
    file: 'tram-strike.md',
    existing: same,
  });
});

test('slug.txt is refused while slug.md holds another document; a replace of the same one keeps slug.md', () => {
  const md = existing('slug.md', 'Harbour strike');
  assert.deepEqual(decideUpload(upload('slug.txt', 'Tram strike'), [md], true), {
    kind: 'refuse',
    why: 'different-document',
    existing: [md],
  });
  assert.deepEqual(decideUpload(upload('slug.txt', 'Harbour strike'), [md], false), {
    kind: 'refuse',
    why: 'needs-replace',
    existing: [md],
  });
  assert.deepEqual(decideUpload(upload('slug.txt', 'Harbour strike'), [md], true), {
    kind: 'replace',
    file: 'slug.md',
    existing: md,
  });
});

test('a file that is not a readable document, or several sharing the id, are never replaced', () => {
  const broken: ExistingFile = { file: 'slug.md', meta: null, reason: 'empty file' };
  assert.deepEqual(decideUpload(upload('slug.md', 'Anything'), [broken], true), {
    kind: 'refuse',
    why: 'unreadable',
    existing: [broken],
  });
  const both = [existing('slug.md', 'Same'), existing('slug.txt', 'Same')];
  assert.deepEqual(decideUpload(upload('slug.md', 'Same'), both, true), {
    kind: 'refuse',
    why: 'duplicates',
    existing: both,
  });
});

test('same document: the same canonical URL when both have one, else the same title', () => {
  const a = { title: 'Tram strike', url: 'https://www.example.org/news/tram/?utm_source=x#top' };
  assert.ok(sameDocument(a, { title: 'Tram strike, updated', url: 'http://example.org/news/tram' }));
  assert.ok(!sameDocument(a, { title: 'Tram strike', url: 'https://example.org/news/bus' }));
  assert.ok(sameDocument(a, { title: 'TRAM STRIKE', url: null }));
  assert.ok(sameDocument({ title: 'Nausėda’s visit', url: null }, { title: "nauseda's  visit", url: null }));
  assert.ok(!sameDocument({ title: 'Tram strike', url: null }, { title: 'Tram strike ends', url: null }));
  assert.equal(canonicalUrl('https://Example.org/a/?id=3&utm_medium=y'), 'example.org/a?id=3');
  assert.equal(canonicalUrl('not a url'), 'not a url');
});

test('filesSharingId reads the folder as a scan does: any extension, links and broken files with a reason', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-upload-'));
  temps.push(dir);
  await writeFile(
    path.join(dir, 'slug.md'),
    `---\ntitle: "Harbour strike"\nurl: "https://example.org/h"\n---\n${ARTICLE}`,
  );
  await writeFile(path.join(dir, 'slug-2.md'), ARTICLE);
  await writeFile(path.join(dir, 'empty.txt'), '');
  await symlink('/etc/hostname', path.join(dir, 'linked.md'));
  assert.deepEqual(await filesSharingId(dir, 'slug.txt'), [
    { file: 'slug.md', meta: { title: 'Harbour strike', url: 'https://example.org/h' } },
  ]);
  assert.deepEqual(await filesSharingId(dir, 'empty.md'), [
    { file: 'empty.txt', meta: null, reason: 'empty file' },
  ]);
  assert.deepEqual(await filesSharingId(dir, 'linked.md'), [
    {
      file: 'linked.md',
      meta: null,
      reason: 'symbolic link to a file outside the knowledge folder: not read',
    },
  ]);
  assert.deepEqual(await filesSharingId(dir, 'new.md'), []);
});
