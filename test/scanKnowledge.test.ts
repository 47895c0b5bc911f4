import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type KnownFile, scanKnowledge } from '../src/knowledge/loadKnowledge.js';

const ARTICLE =
  'Protesters gathered in central Minsk on Sunday for the fourth weekend in a row. ' +
  'Police detained dozens of people, the Interior Ministry said, and the opposition called for new elections.';
const doc = (title: string) => `---\ntitle: "${title}"\n---\n${ARTICLE}\n`;

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Scans until every document has a fingerprint: a file is too fresh to trust for a moment after it is written. */
async function settledScan(dir: string, count: number) {
  for (let attempt = 0; ; attempt++) {
    const scan = await scanKnowledge(dir);
    if (scan.fingerprints.size === count || attempt === 30) return scan;
    await sleep(100);
  }
}

test('files whose size and timestamps match are not read; changed or touched ones are', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-scan-'));
  temps.push(dir);
  await writeFile(path.join(dir, 'a.md'), doc('A'));
  await writeFile(path.join(dir, 'b.md'), doc('B'));
  const first = await settledScan(dir, 2);
  assert.equal(first.documents.length, 2);
  const known = new Map<string, KnownFile>(
    first.documents.map((d) => [d.file, { hash: d.hash, fingerprint: first.fingerprints.get(d.file)! }]),
  );

  const again = await scanKnowledge(dir, { known });
  assert.deepEqual(again.documents, []);
  assert.deepEqual(
    again.unchanged.map((u) => u.file),
    ['a.md', 'b.md'],
  );
  assert.equal(again.unchanged[0]?.hash, first.documents[0]?.hash);

  await writeFile(path.join(dir, 'b.md'), doc('B, edited'));
  const later = new Date(Date.now() + 5_000);
  await utimes(path.join(dir, 'a.md'), later, later);
  const changed = await scanKnowledge(dir, { known });
  assert.deepEqual(changed.unchanged, []);
  // The touched file is read again and hashes the same: the reindex then finds it unchanged.
  assert.equal(changed.documents.find((d) => d.file === 'a.md')?.hash, first.documents[0]?.hash);
  assert.notEqual(changed.documents.find((d) => d.file === 'b.md')?.hash, first.documents[1]?.hash);
});

test('a file read right after it changed gets no fingerprint, so it is read again next time', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-scan-'));
  temps.push(dir);
  await writeFile(path.join(dir, 'fresh.md'), doc('Fresh'));
  const scan = await scanKnowledge(dir);
  assert.equal(scan.documents.length, 1);
  assert.equal(scan.fingerprints.has('fresh.md'), false);
});
