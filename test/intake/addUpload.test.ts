import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { wasAdded } from '../../src/intake/addReport.js';
import { addUpload, checkUpload, type UploadRequest } from '../../src/intake/addUpload.js';

const ARTICLE =
  'The port authority of Gdansk said on Friday that forty seven grain barges had left for Rotterdam ' +
  'this week, twice as many as in August, as traders moved sunflower seed before the winter.\n';

/** A scratch knowledge folder and the engine serving it, in memory. */
async function workspace(t: TestContext) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  return { ws, engine, deps: { config: ws, engine } };
}

function request(name: string, options: UploadRequest['options'] = {}, replace = false): UploadRequest {
  const checked = checkUpload({ name, size: 100 }, options, replace, 100_000);
  assert.equal(checked.kind, 'upload');
  return checked as UploadRequest;
}

test('before any byte is fetched: the type, the declared size and the options are refused as data', () => {
  assert.deepEqual(checkUpload({ name: 'report.pdf', size: 10 }, {}, false, 100), { kind: 'wrong-type' });
  assert.deepEqual(checkUpload({ name: 'big.md', size: 101 }, {}, false, 100), {
    kind: 'too-large',
    bytes: 101,
    maxBytes: 100,
  });
  const dated = checkUpload({ name: 'a.md', size: 10 }, { published: '12/09/2020' }, false, 100);
  assert.equal(dated.kind, 'bad-option');
  assert.match(dated.kind === 'bad-option' ? dated.problem : '', /YYYY-MM-DD/);
  assert.deepEqual(checkUpload({ name: 'notes.txt', size: 10 }, { title: 'T' }, true, 100), {
    kind: 'upload',
    name: 'notes.txt',
    ext: '.txt',
    options: { title: 'T' },
    replace: true,
    maxBytes: 100,
  });
});

test('an upload is written with its options, reindexed, and reported as the index holds it', async (t) => {
  const { ws, engine, deps } = await workspace(t);
  const options = { title: 'Gdansk grain barges', outlet: 'Baltic Wire', published: '2020-09-12' };
  const added = await addUpload(request('notes.md', options), Buffer.from(ARTICLE), deps);
  assert.ok(wasAdded(added));
  assert.equal(added.kind, 'added');
  assert.equal(added.file, 'gdansk-grain-barges.md');
  assert.equal(added.meta.outlet, 'Baltic Wire');
  assert.equal(added.passages, 1);
  assert.match(added.firstPassage ?? '', /^The port authority of Gdansk/);
  assert.equal(added.snapshot, null);
  assert.ok(added.reindex.kind === 'ran' && added.reindex.report.added.includes('gdansk-grain-barges'));
  assert.equal(engine.knowledge.document('gdansk-grain-barges')?.passages, 1);
  assert.match(
    await readFile(join(ws.knowledgeDir, added.file), 'utf8'),
    /^---\ntitle: "Gdansk grain barges"\noutlet: "Baltic Wire"\npublished: "2020-09-12"/,
  );

  const changed = Buffer.from(ARTICLE.replace('forty seven', 'fifty three'));
  const again = await addUpload(request('x.md', { title: 'Gdansk grain barges' }), changed, deps);
  assert.equal(again.kind, 'occupied');
  assert.ok(again.kind === 'occupied' && again.decision.why === 'needs-replace');
  assert.deepEqual(again.kind === 'occupied' && again.decision.existing.map((e) => e.file), [added.file]);
  const replaced = await addUpload(request('x.md', { title: 'Gdansk grain barges' }, true), changed, deps);
  assert.equal(replaced.kind, 'replaced');
  assert.match(await readFile(join(ws.knowledgeDir, added.file), 'utf8'), /fifty three/);
  assert.match(engine.knowledge.document('gdansk-grain-barges')?.firstPassage ?? '', /fifty three/);
});

test('a binary file, a boilerplate-only one and unreadable front matter are refused with the reason; nothing is written', async (t) => {
  const { ws, deps } = await workspace(t);
  const before = await readdir(ws.knowledgeDir);
  const cases: [string, Buffer, RegExp][] = [
    ['bin.md', Buffer.from([0x00, 0xff, 0x13, 0x37]), /binary file/],
    [
      'boiler.md',
      Buffer.from('Subscribe to our newsletter.\nAll rights reserved.\n'),
      /no article text left/,
    ],
    ['open.md', Buffer.from(`---\ntitle: "Never closed"\n${ARTICLE}`), /^unreadable front matter: /],
  ];
  for (const [name, bytes, reason] of cases) {
    const refused = await addUpload(request(name, { outlet: 'Baltic Wire' }), bytes, deps);
    assert.equal(refused.kind, 'unusable', name);
    assert.match(refused.kind === 'unusable' ? refused.reason : '', reason, name);
  }
  assert.deepEqual(await readdir(ws.knowledgeDir), before);
});

test('a reindex that fails is in the report: the document is written, and named as written', async (t) => {
  const { ws, engine } = await workspace(t);
  const failing = {
    config: ws,
    engine: { knowledge: engine.knowledge, reindexSoon: () => Promise.reject(new Error('another reindex')) },
  };
  const added = await addUpload(
    request('turnips.md', { title: 'Turnip festival' }),
    Buffer.from(ARTICLE),
    failing,
  );
  assert.ok(wasAdded(added));
  assert.equal(added.reindex.kind, 'failed');
  assert.equal(added.reindex.kind === 'failed' && added.reindex.error.message, 'another reindex');
  assert.equal(added.meta.title, 'Turnip festival');
  assert.equal(added.passages, 0, 'not in the index yet');
  assert.ok((await readdir(ws.knowledgeDir)).includes('turnip-festival.md'));
});
