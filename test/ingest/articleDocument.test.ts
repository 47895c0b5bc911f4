import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { articleDocumentText, prepareArticleDocument } from '../../src/ingest/articleDocument.js';
import {
  articleUrls,
  findDuplicate,
  type KnownDocument,
  knownDocuments,
} from '../../src/ingest/duplicates.js';
import { IngestError } from '../../src/ingest/errors.js';
import type { ExtractedArticle } from '../../src/ingest/extractFromHtml.js';
import type { FetchedPage } from '../../src/ingest/safeFetch.js';
import { saveSnapshot } from '../../src/ingest/snapshot.js';
import { textKey } from '../../src/ingest/textKey.js';
import { articleTarget, placeArticle } from '../../src/intake/placeArticle.js';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { segmentDocument } from '../../src/text/segment.js';
import { TRAM_PARAGRAPHS } from '../helpers/articlePages.js';

const TITLE = 'Grodno tram drivers walk out over unpaid wages';
const URL_CANONICAL = 'https://news.example/2020/09/grodno-trams';

function extracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: TITLE,
    outlet: 'Example News',
    outletClaim: null,
    author: 'Maria Sokol',
    published: '2020-09-14',
    url: URL_CANONICAL,
    language: 'en',
    paragraphs: [...TRAM_PARAGRAPHS, '© 2020 Example News. All rights reserved.'],
    words: 120,
    inferred: ['title', 'outlet', 'author', 'published', 'url', 'language'],
    sources: {},
    ...overrides,
  };
}

function fetched(html = '<html><body>the page as it came</body></html>'): FetchedPage {
  return {
    url: 'http://news.example/grodno?utm_source=x',
    finalUrl: 'https://www.news.example/2020/09/grodno-trams',
    status: 200,
    contentType: 'text/html; charset=windows-1251',
    charset: 'windows-1251',
    html,
    bytes: Buffer.from(html, 'latin1'),
    redirects: ['https://www.news.example/2020/09/grodno-trams'],
    fetchedAt: '2020-09-14T10:00:00.000Z',
  };
}

test('the article becomes a knowledge file the loader reads as an upload: front matter, paragraphs, boilerplate out', () => {
  const text = articleDocumentText(extracted());
  assert.ok(text.startsWith(`---\ntitle: "${TITLE}"\noutlet: "Example News"\n`));
  assert.ok(
    text.includes(`${TRAM_PARAGRAPHS[1]}\n\n${TRAM_PARAGRAPHS[2]}`),
    'paragraphs apart by a blank line',
  );
  const doc = loadDocument('grodno.md', Buffer.from(text));
  assert.ok(!isSkipped(doc));
  assert.equal(doc.text, TRAM_PARAGRAPHS.join('\n\n'), 'the copyright line went, the words stayed');
  assert.deepEqual(doc.meta, {
    title: TITLE,
    outlet: 'Example News',
    author: 'Maria Sokol',
    published: '2020-09-14',
    url: URL_CANONICAL,
    language: 'en',
    inferred: ['title', 'outlet', 'author', 'published', 'url', 'language'],
  });
});

test('the moderator’s options win over the page and are no longer inferred', () => {
  const text = articleDocumentText(extracted(), { outlet: 'Grodno Daily', published: '2020-09-15' });
  const doc = loadDocument('grodno.md', Buffer.from(text));
  assert.ok(!isSkipped(doc));
  assert.equal(doc.meta.outlet, 'Grodno Daily');
  assert.equal(doc.meta.published, '2020-09-15');
  assert.deepEqual(doc.meta.inferred, ['title', 'author', 'url', 'language']);
});

test('a page’s outlet claim is written as outlet_claim:, and goes when the moderator names the outlet', async () => {
  const claimed = extracted({ outlet: '127.0.0.1', outletClaim: 'Reuters' });
  assert.match(articleDocumentText(claimed), /^outlet: "127\.0\.0\.1"\noutlet_claim: "Reuters"\n/m);
  assert.equal((await prepareArticleDocument(claimed)).preview.outletClaim, 'Reuters');
  const named = loadDocument('x.md', Buffer.from(articleDocumentText(claimed, { outlet: 'Reuters' })));
  assert.ok(!isSkipped(named));
  assert.equal(named.meta.outlet, 'Reuters');
  assert.equal(named.meta.outletClaim, undefined);
});

test('prepared: a safe name from the title, the preview with passage count and first passage', async () => {
  const prepared = await prepareArticleDocument(extracted());
  assert.equal(prepared.file, 'grodno-tram-drivers-walk-out-over-unpaid-wages.md');
  assert.equal(prepared.preview.title, TITLE);
  assert.equal(prepared.preview.url, URL_CANONICAL);
  assert.equal(prepared.preview.published, '2020-09-14');
  const loaded = loadDocument(prepared.file, prepared.bytes);
  assert.ok(!isSkipped(loaded));
  assert.equal(
    prepared.preview.passages,
    segmentDocument(loaded).length,
    'as many passages as the index will have',
  );
  assert.ok(prepared.preview.passages >= 2);
  assert.ok(prepared.preview.firstPassage?.startsWith(TRAM_PARAGRAPHS[0]!));
  assert.equal(prepared.textKey, textKey(TRAM_PARAGRAPHS.join(' ')));
  const untitled = await prepareArticleDocument(extracted({ title: null, inferred: ['outlet'] }));
  assert.equal(
    untitled.preview.title,
    'The Grodno tram depot stopped all 14 routes on Monday after drivers walked out over three months of unpaid wages, the city transport authority said',
  );
});

test('a brief of one sentence, under the folder’s 20 words, is a knowledge file like any article', async () => {
  const sentence = 'Grodno tram drivers walked out on Monday over unpaid wages.';
  const prepared = await prepareArticleDocument(extracted({ paragraphs: [TITLE, sentence], words: 18 }));
  assert.equal(prepared.preview.words, 10);
  assert.equal(prepared.preview.passages, 1);
  assert.equal(prepared.preview.firstPassage, sentence);
});

test('an article that is all boilerplate, or an invalid option, is refused with the reason', async () => {
  await assert.rejects(
    prepareArticleDocument(extracted({ paragraphs: ['© 2020 Example News', 'All rights reserved.'] })),
    (error) =>
      error instanceof IngestError &&
      error.kind === 'no-article' &&
      /no article text left/.test(error.message),
  );
  await assert.rejects(
    prepareArticleDocument(extracted(), { published: '14/09/2020' }),
    (error) =>
      error instanceof IngestError && error.kind === 'bad-option' && /YYYY-MM-DD/.test(error.message),
  );
});

test('the snapshot keeps the bytes as they came, and where and when, inside DATA_DIR/snapshots only', async () => {
  const ws = await tempWorkspace();
  try {
    const page = fetched();
    const saved = await saveSnapshot(ws.dataDir, 'grodno.md', page, new Date('2020-09-14T10:05:00Z'));
    assert.equal(saved.page, join(ws.dataDir, 'snapshots', 'grodno.html'));
    assert.deepEqual(await readFile(saved.page), page.bytes);
    const record = JSON.parse(await readFile(saved.record, 'utf8'));
    assert.equal(record.finalUrl, page.finalUrl);
    assert.equal(record.charset, 'windows-1251');
    assert.equal(record.fetchedAt, '2020-09-14T10:00:00.000Z', 'when the page arrived');
    assert.equal(record.savedAt, '2020-09-14T10:05:00.000Z', 'when it was added, minutes later');
    assert.equal(record.url, page.url);
    assert.deepEqual(record.redirects, page.redirects);
    const odd = await saveSnapshot(ws.dataDir, '../../Evil Name Ünï.md', page);
    assert.equal(odd.page, join(ws.dataDir, 'snapshots', 'evil-name-uni.html'));
    const again = await saveSnapshot(ws.dataDir, 'grodno.md', fetched('<p>newer</p>'));
    assert.equal(await readFile(again.page, 'latin1'), '<p>newer</p>', 'a replace replaces the snapshot');
    assert.deepEqual((await readdir(join(ws.dataDir, 'snapshots'))).sort(), [
      'evil-name-uni.html',
      'evil-name-uni.json',
      'grodno.html',
      'grodno.json',
    ]);
  } finally {
    await ws.cleanup();
  }
});

const known = (over: Partial<KnownDocument>): KnownDocument => ({
  id: 'x',
  file: 'x.md',
  title: 'X',
  url: null,
  textKey: textKey('something else entirely'),
  ...over,
});

test('duplicates: the same canonical URL however written, or the same text however spaced and cased', () => {
  const key = textKey(TRAM_PARAGRAPHS.join('\n\n'));
  const byUrl = known({ id: 'a', url: 'http://www.news.example/2020/09/grodno-trams/?utm_campaign=x' });
  const byText = known({
    id: 'b',
    textKey: textKey(TRAM_PARAGRAPHS.join(' ').toUpperCase().replace(/“|”/g, '"')),
  });
  assert.deepEqual(findDuplicate([known({}), byUrl], { urls: [URL_CANONICAL], textKey: key }), {
    by: 'url',
    existing: byUrl,
  });
  assert.deepEqual(findDuplicate([byText], { urls: ['https://other.example/'], textKey: key }), {
    by: 'text',
    existing: byText,
  });
  assert.equal(
    findDuplicate([byUrl, byText], { urls: [URL_CANONICAL], textKey: key }, 'a')?.existing.id,
    'b',
  );
  assert.equal(findDuplicate([known({})], { urls: [URL_CANONICAL, null], textKey: key }), null);
});

test('an article goes by its page’s own URLs: the address asked for only when no redirect left its site', async () => {
  const page = fetched();
  assert.deepEqual(articleUrls(URL_CANONICAL, page), [URL_CANONICAL, page.finalUrl, page.url]);
  const shortened = { url: 'https://short.example/abc', finalUrl: page.finalUrl };
  assert.deepEqual(articleUrls(URL_CANONICAL, shortened), [URL_CANONICAL, page.finalUrl]);
  assert.deepEqual(articleUrls(null, shortened), [page.finalUrl]);

  // The document at the short address is another site's: a replace from here neither matches nor replaces it.
  const prepared = await prepareArticleDocument(extracted());
  const atShortAddress = known({ id: 'short', url: 'https://short.example/abc' });
  assert.deepEqual(articleTarget([atShortAddress], prepared, shortened, true), {
    kind: 'file',
    file: prepared.file,
    replaces: null,
  });
  const atFinalUrl = known({ id: 'final', url: page.finalUrl });
  assert.deepEqual(articleTarget([atFinalUrl], prepared, shortened, true), {
    kind: 'file',
    file: atFinalUrl.file,
    replaces: atFinalUrl,
  });
});

test('an indexed document’s text key, rebuilt from its passages, is the key of its text', async () => {
  const ws = await tempWorkspace();
  try {
    const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
    const docs = await knownDocuments(engine.current);
    assert.equal(docs.length, 5);
    for (const doc of docs) {
      const loaded = loadDocument(doc.file, await readFile(join(ws.knowledgeDir, doc.file)));
      assert.ok(!isSkipped(loaded));
      assert.equal(doc.textKey, textKey(loaded.text), doc.file);
    }
  } finally {
    await ws.cleanup();
  }
});

test('placing: added with its snapshot; again refused as a duplicate; --replace replaces under the same name', async () => {
  const ws = await tempWorkspace();
  try {
    const base = { knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, page: fetched(), replace: false };
    const prepared = await prepareArticleDocument(extracted());
    const first = await placeArticle({ ...base, prepared, known: [] });
    assert.equal(first.kind, 'added');
    assert.ok(first.kind === 'added' && first.snapshot);
    assert.equal(first.file, prepared.file);
    assert.deepEqual(await readFile(join(ws.knowledgeDir, prepared.file)), prepared.bytes);
    assert.deepEqual(
      await readFile(join(ws.dataDir, 'snapshots', 'grodno-tram-drivers-walk-out-over-unpaid-wages.html')),
      base.page.bytes,
    );

    // As the index knows it once reindexed (by hand here, under a name of its own).
    const existing = known({
      id: 'hand-made',
      file: 'hand-made.md',
      title: TITLE,
      url: URL_CANONICAL,
      textKey: prepared.textKey,
    });
    await writeFile(join(ws.knowledgeDir, 'hand-made.md'), prepared.bytes);
    const again = await placeArticle({ ...base, prepared, known: [existing] });
    assert.deepEqual(again, { kind: 'duplicate', duplicate: { by: 'url', existing } });

    const newer = await prepareArticleDocument(
      extracted({ paragraphs: [...TRAM_PARAGRAPHS, 'Drivers were paid on Friday.'] }),
    );
    const replaced = await placeArticle({ ...base, prepared: newer, known: [existing], replace: true });
    assert.equal(replaced.kind, 'replaced');
    assert.equal(replaced.kind === 'replaced' && replaced.file, 'hand-made.md');
    assert.deepEqual(await readFile(join(ws.knowledgeDir, 'hand-made.md')), newer.bytes);

    const sameText = known({
      id: 'copy',
      file: 'copy.md',
      url: 'https://elsewhere.example/a',
      textKey: newer.textKey,
    });
    const refused = await placeArticle({
      ...base,
      prepared: newer,
      known: [existing, sameText],
      replace: true,
    });
    assert.deepEqual(refused, { kind: 'duplicate', duplicate: { by: 'text', existing: sameText } });
  } finally {
    await ws.cleanup();
  }
});

test('placing where a different document holds the name is refused, naming it; nothing is written', async () => {
  const ws = await tempWorkspace();
  try {
    const prepared = await prepareArticleDocument(extracted());
    const other = `---\ntitle: "${TITLE}"\nurl: "https://other.example/another-story"\n---\n${TRAM_PARAGRAPHS.slice(0, 3).join('\n\n')}\n`;
    await writeFile(join(ws.knowledgeDir, prepared.file), other);
    const result = await placeArticle({
      knowledgeDir: ws.knowledgeDir,
      dataDir: ws.dataDir,
      prepared,
      page: fetched(),
      known: [],
      replace: true,
    });
    assert.equal(result.kind, 'occupied');
    assert.ok(result.kind === 'occupied' && result.decision.why === 'different-document');
    assert.equal(await readFile(join(ws.knowledgeDir, prepared.file), 'utf8'), other);
    await assert.rejects(readdir(join(ws.dataDir, 'snapshots')), { code: 'ENOENT' });
  } finally {
    await ws.cleanup();
  }
});
