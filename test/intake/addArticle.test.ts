import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { UNREADABLE_PAGE } from '../../src/ingest/unreadablePage.js';
import { addArticle } from '../../src/intake/addArticle.js';
import { wasAdded } from '../../src/intake/addReport.js';
import { type ArticleRequest, checkArticleRequest, previewArticle } from '../../src/intake/previewArticle.js';
import { articlePage, TRAM_META } from '../helpers/articlePages.js';
import { page, startPageServer } from '../helpers/pageServer.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const TRAM_ID = 'grodno-tram-drivers-walk-out-over-unpaid-wages';

/** A scratch knowledge folder, the engine serving it in memory, and a site serving the tram article. */
async function workspace(t: TestContext) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const server = await startPageServer({
    '/tram': page(articlePage({ head: TRAM_META })),
    // UTF-8 bytes labelled UTF-16: decoded as the header says, the page parses into no document at all.
    '/mislabelled': page(Buffer.from(articlePage(), 'utf8'), 'text/html; charset=utf-16'),
  });
  t.after(() => server.close());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  const log = recordingLogger();
  const deps = { config: ws, engine, fetch: { allowPrivate: true }, logger: log.logger };
  return { ws, server, engine, deps, log };
}

function request(url: string, replace = false): ArticleRequest {
  const checked = checkArticleRequest(url, {}, replace);
  assert.equal(checked.kind, 'article');
  return checked as ArticleRequest;
}

test('the options and the address are refused before anything is fetched', () => {
  const dated = checkArticleRequest('https://news.example/a', { published: 'yesterday' }, false);
  assert.equal(dated.kind, 'bad-option');
  assert.deepEqual(checkArticleRequest('ftp://news.example/a', {}, false), {
    kind: 'unusable',
    reason: 'the address starts with ftp:: only http:// and https:// pages can be fetched',
  });
  const checked = checkArticleRequest('  https://news.example/a#top ', { title: 'T' }, true);
  assert.ok(checked.kind === 'article');
  assert.equal(checked.url.href, 'https://news.example/a');
});

test('a preview writes nothing; Add writes, snapshots and reindexes what it showed, and reports it', async (t) => {
  const { ws, server, engine, deps } = await workspace(t);
  const files = await readdir(ws.knowledgeDir);
  const previewed = await previewArticle(request(server.url('/tram')), deps);
  assert.ok(previewed.kind === 'preview');
  assert.equal(previewed.preview.file, `${TRAM_ID}.md`);
  assert.equal(previewed.replaces, null);
  assert.equal('html' in previewed.article.page, false, 'the decoded page is not kept');
  assert.deepEqual(await readdir(ws.knowledgeDir), files, 'nothing written by a preview');

  const added = await addArticle(previewed.article, deps);
  assert.ok(wasAdded(added));
  assert.equal(added.kind, 'added');
  assert.equal(added.file, `${TRAM_ID}.md`);
  assert.equal(added.meta.url, server.url('/tram'), 'the canonical URL on another site is not taken');
  assert.equal(added.passages, previewed.preview.passages);
  assert.equal(added.firstPassage, engine.knowledge.document(TRAM_ID)?.firstPassage);
  assert.ok(added.reindex.kind === 'ran' && added.reindex.report.added.includes(TRAM_ID));
  assert.equal(added.snapshot?.kind, 'saved');
  assert.deepEqual(await readdir(join(ws.dataDir, 'snapshots')), [`${TRAM_ID}.html`, `${TRAM_ID}.json`]);
  const record = JSON.parse(await readFile(join(ws.dataDir, 'snapshots', `${TRAM_ID}.json`), 'utf8'));
  assert.deepEqual([record.url, record.finalUrl], [server.url('/tram'), server.url('/tram')]);
  assert.equal(
    record.fetchedAt,
    previewed.article.page.fetchedAt,
    'the time the page arrived, at the preview',
  );
  assert.ok(Date.parse(record.fetchedAt) <= Date.parse(record.savedAt));

  // The knowledge has it now: refused once the page is read, and at Add too.
  const again = await previewArticle(request(server.url('/tram')), deps);
  assert.ok(again.kind === 'duplicate' && again.duplicate.by === 'url');
  assert.equal(again.duplicate.existing.file, `${TRAM_ID}.md`);
  const twice = await addArticle(previewed.article, deps);
  assert.ok(twice.kind === 'duplicate' && twice.duplicate.existing.id === TRAM_ID);
  // Asked for by that URL (however written), it is refused before anything is fetched.
  const hits = server.hits.length;
  const byUrl = await previewArticle(request(`${server.url('/tram')}/?utm_source=x`), deps);
  assert.ok(byUrl.kind === 'duplicate' && byUrl.duplicate.existing.id === TRAM_ID);
  assert.equal(server.hits.length, hits);
});

test('replace previews the document it replaces, and Add replaces it under its own file name', async (t) => {
  const { server, deps } = await workspace(t);
  const first = await previewArticle(request(server.url('/tram')), deps);
  assert.ok(first.kind === 'preview');
  assert.ok(wasAdded(await addArticle(first.article, deps)));
  const again = await previewArticle(request(server.url('/tram'), true), deps);
  assert.ok(again.kind === 'preview');
  assert.equal(again.replaces?.id, TRAM_ID);
  const replaced = await addArticle(again.article, deps);
  assert.equal(replaced.kind, 'replaced');
  assert.ok(wasAdded(replaced) && replaced.reindex.kind === 'ran');
});

test('a snapshot that cannot be saved is in the report; the document is in the knowledge', async (t) => {
  const { ws, server, engine, deps } = await workspace(t);
  const previewed = await previewArticle(request(server.url('/tram')), deps);
  assert.ok(previewed.kind === 'preview');
  const notAFolder = join(ws.root, 'data-file');
  await writeFile(notAFolder, 'not a folder');
  const added = await addArticle(previewed.article, { ...deps, config: { ...ws, dataDir: notAFolder } });
  assert.ok(wasAdded(added));
  assert.equal(added.snapshot?.kind, 'failed');
  assert.ok(engine.knowledge.document(TRAM_ID));
});

test('a page claiming another site’s outlet and URL: added under its own address, the claim kept as a claim; replace matches nothing', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const reutersUrl = 'https://www.reuters.com/world/europe/grodno-trams';
  const reutersFile = join(ws.knowledgeDir, 'reuters-grodno.md');
  const reutersText = `---\ntitle: "Grodno tram depot halts service"\noutlet: "Reuters"\nurl: "${reutersUrl}"\n---\nThe tram depot in Grodno halted every route on Monday morning, a spokesman for the city told reporters, and said talks with the drivers would resume later in the week.\n`;
  await writeFile(reutersFile, reutersText);
  const head = `<meta property="og:site_name" content="Reuters"><link rel="canonical" href="${reutersUrl}">`;
  const server = await startPageServer({ '/impostor': page(articlePage({ head })) });
  t.after(() => server.close());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  const deps = { config: ws, engine, fetch: { allowPrivate: true }, logger: recordingLogger().logger };

  const plain = await previewArticle(request(server.url('/impostor')), deps);
  assert.ok(plain.kind === 'preview', 'not a duplicate of the document its canonical names');
  for (const replace of [false, true]) {
    const previewed = await previewArticle(request(server.url('/impostor'), replace), deps);
    assert.ok(previewed.kind === 'preview');
    assert.equal(previewed.replaces, null);
    assert.equal(previewed.preview.outlet, '127.0.0.1');
    assert.equal(previewed.preview.outletClaim, 'Reuters');
    assert.equal(previewed.preview.url, server.url('/impostor'));
  }
  const previewed = await previewArticle(request(server.url('/impostor'), true), deps);
  assert.ok(previewed.kind === 'preview');
  const added = await addArticle(previewed.article, deps);
  assert.equal(added.kind, 'added');
  assert.equal(await readFile(reutersFile, 'utf8'), reutersText, 'the Reuters document is untouched');
  assert.ok(engine.knowledge.document('reuters-grodno'));

  const written = await readFile(join(ws.knowledgeDir, `${TRAM_ID}.md`), 'utf8');
  assert.match(written, /^outlet: "127\.0\.0\.1"\noutlet_claim: "Reuters"\n/m);
  const [citation] = engine.knowledge.ask('Why did the Grodno tram drivers walk out?').citations;
  assert.equal(citation?.documentId, TRAM_ID);
  assert.deepEqual(
    [citation?.source.outlet, citation?.source.outletClaim, citation?.source.url],
    ['127.0.0.1', 'Reuters', server.url('/impostor')],
  );
});

test('an error no check foresaw reaches the moderator as one fixed sentence; the error itself is logged', async (t) => {
  const { server, deps, log } = await workspace(t);
  const refused = await previewArticle(request(server.url('/mislabelled')), deps);
  assert.deepEqual(refused, { kind: 'unusable', reason: UNREADABLE_PAGE });
  const [logged] = log.lines.filter((l) => l.level === 'error');
  assert.equal(logged?.msg, 'a page could not be read: unexpected error');
  assert.equal(logged?.obj.url, server.url('/mislabelled'));
  assert.match(String((logged?.obj.err as Error | undefined)?.message), /firstElementChild/);
});
