import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import {
  loadDocumentOffThread,
  OFF_THREAD_BYTES,
  segmentedAlready,
} from '../../src/knowledge/loadDocumentOffThread.js';
import { type KnownFile, scanKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { segmentDocument } from '../../src/text/segment.js';

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

/** Varied paragraphs of `ARTICLE`'s words, about `size` bytes: the cleaning and cutting a real article gets. */
function longArticle(size: number): string {
  const paragraphs: string[] = [];
  for (let n = 0, length = 0; length < size; n++) {
    const paragraph = `${n}. ${ARTICLE} Report ${n} ends here.`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return `---\ntitle: "A long report"\n---\n${paragraphs.join('\n\n')}\n`;
}

test('a 5 MB document is cleaned off the event loop: timers keep firing while it loads', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-scan-'));
  temps.push(dir);
  await writeFile(path.join(dir, 'long.md'), longArticle(5_000_000));
  let last = performance.now();
  let longestGap = 0;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  };
  const ticker = setInterval(tick, 5);
  try {
    const scan = await scanKnowledge(dir);
    tick(); // a block just before the scan resolved is seen by no timer
    assert.deepEqual(scan.skipped, []);
    assert.equal(scan.documents[0]?.meta.title, 'A long report');
  } finally {
    clearInterval(ticker);
  }
  // Loading it on the event loop blocked it for about a second.
  assert.ok(longestGap < 250, `the event loop stood still for ${Math.round(longestGap)} ms`);
});

test('a document loaded off the thread is the one loadDocument gives, with the passages segmentDocument cuts', async () => {
  const bytes = Buffer.from(longArticle(OFF_THREAD_BYTES * 2));
  const inline = loadDocument('long.md', bytes);
  assert.ok(!isSkipped(inline));
  const offThread = await loadDocumentOffThread('long.md', bytes);
  assert.ok(!isSkipped(offThread));
  assert.deepEqual(offThread, inline);
  assert.deepEqual(segmentedAlready(offThread), segmentDocument(inline));
  // A skipped document is reported the same way too.
  const binary = Buffer.alloc(OFF_THREAD_BYTES * 2, 1);
  assert.deepEqual(await loadDocumentOffThread('bin.md', binary), loadDocument('bin.md', binary));
});
