import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCliScript } from '../../harness/runCliScript.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { articlePage, listingPage, TRAM_META, TRAM_PARAGRAPHS } from '../helpers/articlePages.js';
import { type PageServer, startPageServer } from '../helpers/pageServer.js';

const FILE = 'grodno-tram-drivers-walk-out-over-unpaid-wages.md';
const QUESTION = 'Why did the Grodno tram drivers walk out?';

let server: PageServer;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let env: Record<string, string>;
/** What /article serves: the test changes it to publish a correction. */
let paragraphs: readonly string[] = TRAM_PARAGRAPHS;

before(async () => {
  ws = await tempWorkspace();
  env = { KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir, FETCH_ALLOW_PRIVATE: 'true' };
  server = await startPageServer({
    '/article': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ head: TRAM_META, paragraphs }));
    },
    '/world': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(listingPage());
    },
  });
});
after(async () => {
  await server.close();
  await ws.cleanup();
});

const addUrl = (args: string[], extraEnv: Record<string, string> = {}) =>
  runCliScript('addUrlCli.ts', args, { env: { ...env, ...extraEnv }, timeoutMs: 60_000 });

async function ask(): Promise<{
  answered: boolean;
  citations: { documentId: string; quote: string; source: Record<string, string> }[];
}> {
  const { code, stdout, stderr } = await runCliScript('askCli.ts', ['--json', QUESTION], {
    env,
    timeoutMs: 60_000,
  });
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout);
}

test('add-url: fetched, previewed, written, snapshotted and reindexed; ask then answers from it', async () => {
  const before = await ask();
  assert.ok(!before.citations.some((c) => c.documentId === 'grodno-tram-drivers-walk-out-over-unpaid-wages'));

  const { code, stdout, stderr } = await addUrl([server.url('/article')]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, new RegExp(`^Added ${FILE}\n`));
  assert.match(stdout, /title: +Grodno tram drivers walk out over unpaid wages \(from the page\)/);
  // The page, on 127.0.0.1, claims to be Example News at https://news.example/…: neither is taken.
  assert.match(stdout, /outlet: +127\.0\.0\.1 \(claims to be Example News\) \(from the page\)/);
  assert.match(stdout, /published: +2020-09-14/);
  assert.ok(stdout.includes(`url:       ${server.url('/article')} (from the page)`));
  assert.match(stdout, /passages: +\d+ \(\d+ words\)/);
  assert.match(stdout, /first: +The Grodno tram depot stopped all 14 routes/);
  assert.match(
    stdout,
    /added 1, changed 0, removed 0, skipped 0\n +\+ grodno-tram-drivers-walk-out-over-unpaid-wages/,
  );

  const written = await readFile(join(ws.knowledgeDir, FILE), 'utf8');
  assert.ok(written.includes(TRAM_PARAGRAPHS.join('\n\n')));
  assert.deepEqual(await readdir(join(ws.dataDir, 'snapshots')), [
    'grodno-tram-drivers-walk-out-over-unpaid-wages.html',
    'grodno-tram-drivers-walk-out-over-unpaid-wages.json',
  ]);

  const answer = await ask();
  assert.equal(answer.answered, true);
  const [first] = answer.citations;
  assert.equal(first?.documentId, 'grodno-tram-drivers-walk-out-over-unpaid-wages');
  assert.equal(first?.source.url, server.url('/article'));
  assert.equal(first?.source.outlet, '127.0.0.1');
  assert.equal(first?.source.outletClaim, 'Example News');
});

test('add-url again is refused, naming the document; --replace takes the corrected article', async () => {
  const again = await addUrl([server.url('/article')]);
  assert.equal(again.code, 1);
  assert.equal(
    again.stderr.trim().split('\n').at(-1),
    `error: “Grodno tram drivers walk out over unpaid wages” (${FILE}) is already in the knowledge with this URL; add it with --replace to replace it; nothing was added`,
  );

  paragraphs = [
    ...TRAM_PARAGRAPHS,
    'The drivers were paid on Friday, and the trams ran again on Saturday morning.',
  ];
  const replaced = await addUrl([server.url('/article'), '--replace']);
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.match(replaced.stdout, new RegExp(`^Replaced ${FILE}\n`));
  assert.match(replaced.stdout, /added 0, changed 1, removed 0/);
  assert.ok(
    (await readFile(join(ws.knowledgeDir, FILE), 'utf8')).includes('the trams ran again on Saturday'),
  );
});

test('add-url refuses, in one line and changing nothing: loopback by default, a listing page, a bad address', async () => {
  const files = await readdir(ws.knowledgeDir);
  const loopback = await addUrl([server.url('/article')], { FETCH_ALLOW_PRIVATE: 'false' });
  assert.equal(loopback.code, 1);
  assert.match(
    loopback.stderr,
    /^error: 127\.0\.0\.1 is a loopback address \(this machine\), which is never fetched; nothing was added\n$/,
  );
  const listing = await addUrl([server.url('/world')]);
  assert.equal(listing.code, 1);
  assert.match(
    listing.stderr,
    /^error: the page is mostly links \(\d+% of its text\): an index or listing page, not an article; nothing was added\n$/,
  );
  const usage = await addUrl([]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^error: give the address of the article\n\nusage: npm run add-url/);
  assert.deepEqual(await readdir(ws.knowledgeDir), files);
});
