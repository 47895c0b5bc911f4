import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_DOCUMENT_BYTES, isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { loadKnowledge, scanKnowledge } from '../../src/knowledge/loadKnowledge.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const ARTICLE =
  'Protesters gathered in central Minsk on Sunday for the fourth weekend in a row. ' +
  'Police detained dozens of people, the Interior Ministry said, and the opposition called for new elections.';
const GOOD = `---\ntitle: "A good document"\noutlet: "Example News"\npublished: 2020-09-06\n---\n${ARTICLE}\n`;

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-knowledge-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

function reasonFor(load: Awaited<ReturnType<typeof loadKnowledge>>, file: string): string {
  const skipped = load.skipped.find((s) => s.file === file);
  assert.ok(skipped, `${file} is skipped`);
  return skipped.reason;
}

test('loadDocument builds id, hash, metadata and cleaned text', () => {
  const bytes = Buffer.from(`${GOOD}\nJoin the Example.org mailing list\n`);
  const doc = loadDocument('good-doc.md', bytes, { maxBytes: DEFAULT_MAX_DOCUMENT_BYTES });
  assert.ok(!isSkipped(doc));
  assert.equal(doc.id, 'good-doc');
  assert.equal(doc.file, 'good-doc.md');
  assert.equal(doc.hash, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(doc.text, ARTICLE);
  assert.deepEqual(doc.meta, {
    title: 'A good document',
    outlet: 'Example News',
    author: null,
    published: '2020-09-06',
    url: null,
    language: null,
    inferred: [],
  });
  assert.equal(DEFAULT_MAX_DOCUMENT_BYTES, 5 * 1024 * 1024);
  assert.deepEqual(loadDocument('big.md', bytes, { maxBytes: 10 }), {
    file: 'big.md',
    reason: `too large: ${bytes.length} bytes, over the 10-byte limit`,
  });
});

test('a plain .txt file without front matter loads with inferred metadata', () => {
  const doc = loadDocument(
    'plain.txt',
    Buffer.from(`Protests in Minsk\n\nBy Jane Doe August 30, 2020\n\n${ARTICLE}`),
    {
      maxBytes: 1000,
    },
  );
  assert.ok(!isSkipped(doc));
  assert.equal(doc.meta.title, 'Protests in Minsk');
  assert.deepEqual(doc.meta.inferred, ['title', 'author', 'published']);
  assert.equal(doc.text, ARTICLE);
});

test('bad files are skipped with a reason naming the problem; good ones still load', async () => {
  const dir = await folder({
    'a-good.md': GOOD,
    'empty.md': '',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'controls.txt': Buffer.from(
      '\x01\x02\x03\x04 mostly control characters \x05\x06\x07\x08\x0e\x0f\x10\x11',
    ),
    'utf16.txt': Buffer.from(`\uFEFF${ARTICLE}`, 'utf16le'),
    'latin1.md': Buffer.from(`Caf\xe9 in Minsk. ${ARTICLE}`, 'latin1'),
    'big.md': `${GOOD}${'x'.repeat(2000)}`,
    'broken-front.md': `---\ntitle: "Unclosed\n---\n${ARTICLE}`,
    'no-fence.md': `---\ntitle: "A"\n${ARTICLE}`,
    'bad-date.md': `---\ntitle: "A"\npublished: 2020-13-01\n---\n${ARTICLE}`,
    'bad-url.md': `---\ntitle: "A"\nurl: "javascript:alert(1)"\n---\n${ARTICLE}`,
    'boilerplate-only.md': [
      'UNITED24 - Make a charitable donation in support of Ukraine!',
      'Weapons of Mass Destruction (WMD)',
      'Join the GlobalSecurity.org mailing list',
      'According to the criteria of The Trust Project',
      'Know more',
      '  • Belarus',
      '  • Russia',
      '[ad_1]',
    ].join('\n\n'),
    'z-good.txt': `Later headline\n\n${ARTICLE}`,
  });
  const load = await loadKnowledge(dir, { maxBytes: 1000 });
  assert.deepEqual(
    load.documents.map((d) => d.id),
    ['a-good', 'z-good'],
  );
  assert.match(reasonFor(load, 'empty.md'), /empty file/);
  assert.match(reasonFor(load, 'binary.md'), /binary file \(contains NUL bytes\)/);
  assert.match(reasonFor(load, 'controls.txt'), /binary file \(too many control characters\)/);
  assert.match(reasonFor(load, 'utf16.txt'), /UTF-16/);
  assert.match(reasonFor(load, 'latin1.md'), /not valid UTF-8/);
  assert.match(reasonFor(load, 'big.md'), /too large: \d+ bytes, over the 1000-byte limit/);
  assert.match(
    reasonFor(load, 'broken-front.md'),
    /unreadable front matter: line 2 \(title\): missing closing double quote/,
  );
  assert.match(reasonFor(load, 'no-fence.md'), /unreadable front matter: .*never closed/);
  assert.match(reasonFor(load, 'bad-date.md'), /invalid metadata: published: "2020-13-01"/);
  assert.match(reasonFor(load, 'bad-url.md'), /invalid metadata: url/);
  assert.match(
    reasonFor(load, 'boilerplate-only.md'),
    /no article text left after removing boilerplate \(0 words/,
  );
  assert.equal(load.skipped.length, 11);
  // Skipped entries come in file-name order too.
  const files = load.skipped.map((s) => s.file);
  assert.deepEqual(files, [...files].sort());
});

test('a second file with the same id is skipped; the first one wins', async () => {
  const dir = await folder({ 'a.md': GOOD, 'a.txt': `Other\n\n${ARTICLE}` });
  const load = await loadKnowledge(dir);
  assert.deepEqual(
    load.documents.map((d) => d.file),
    ['a.md'],
  );
  assert.deepEqual(load.skipped, [
    { file: 'a.txt', reason: 'duplicate id "a": a.md has the same name; rename one of them' },
  ]);
});

test('only top-level .md and .txt files are documents; the rest is told apart, not silently dropped', async () => {
  const dir = await folder({
    'doc.md': GOOD,
    'notes.TXT': `Notes\n\n${ARTICLE}`,
    '.hidden.md': GOOD,
    '.upload-0a1b2c.tmp': GOOD,
    'README.md': '# How to add documents',
    'aliases.txt': 'Lukashenko = Lukashenka',
    'aliases.json': '{}',
    'data.csv': 'a,b',
    'page.html': '<p>x</p>',
    'long.markdown': GOOD,
  });
  await mkdir(path.join(dir, 'nested.md'));
  await writeFile(path.join(dir, 'nested.md', 'inner.md'), GOOD);
  await mkdir(path.join(dir, '.git'));
  const scan = await scanKnowledge(dir);
  assert.deepEqual(
    scan.documents.map((d) => d.file),
    ['doc.md', 'notes.TXT'],
  );
  // Meant as documents, in a format that is not read: a problem to fix.
  assert.deepEqual(scan.skipped, [
    {
      file: 'long.markdown',
      reason: 'a .markdown file is not read: save it as .md or .txt to make it a document',
    },
    { file: 'page.html', reason: 'a .html file is not read: save it as .md or .txt to make it a document' },
  ]);
  // Information: README, aliases.txt, temporary uploads and .git are the folder's own and go unmentioned.
  assert.deepEqual(scan.ignored, [
    { file: '.hidden.md', reason: 'hidden (its name starts with a dot): not read' },
    { file: 'aliases.json', reason: 'not a .md or .txt file: not read' },
    { file: 'data.csv', reason: 'not a .md or .txt file: not read' },
    { file: 'nested.md/', reason: 'a folder: files in subfolders are not read' },
  ]);
});

test('an empty folder loads nothing; a missing folder is an error', async () => {
  assert.deepEqual(await loadKnowledge(await folder({})), { documents: [], skipped: [] });
  const missing = path.join(await folder({}), 'missing');
  await assert.rejects(loadKnowledge(missing), /knowledge folder .*missing does not exist \(ENOENT\)/);
  const file = path.join(await folder({ 'f.md': GOOD }), 'f.md');
  await assert.rejects(loadKnowledge(file), /is not a folder/);
});

test('the shipped knowledge folder loads all five articles', async () => {
  const load = await loadKnowledge(KNOWLEDGE_DIR);
  assert.deepEqual(load.skipped, []);
  const summary = load.documents.map((d) => [
    d.id,
    d.meta.title,
    d.meta.outlet,
    d.meta.published,
    d.meta.author,
  ]);
  assert.deepEqual(summary, [
    [
      '2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences',
      'Senior US Diplomat Aims to Bridge Differences with Moscow Over Oppposition Leader Poisoning, Belarus',
      'GlobalSecurity.org',
      '2020-08-26',
      'Charles Maynes',
    ],
    [
      '2020-09-03-rferl-russian-pm-in-minsk-as-belarus-looks-to-ally-for-help',
      'Russian PM In Minsk As Belarus Looks To Ally For Help',
      'RFE/RL',
      '2020-09-03',
      "RFE/RL's Belarus Service",
    ],
    [
      'undated-delfi-bloomberg-sources-russian-government-shocked-by-events',
      'Bloomberg sources: Russian government shocked by events in Belarus',
      'DELFI',
      null,
      null,
    ],
    [
      'undated-unknown-outlet-russia-begins-to-find-reasons-to-launch-an-armed-intervention',
      'Russia begins to find reasons to launch an armed intervention in Belarus',
      null,
      null,
      null,
    ],
    [
      'undated-unknown-outlet-us-deputy-secretary-of-state-will-visit-russia',
      'US Deputy Secretary of state will visit Russia to prevent Russian military intervention in Belarus',
      null,
      null,
      null,
    ],
  ]);
  for (const doc of load.documents) {
    assert.equal(doc.meta.language, 'en');
    assert.deepEqual(doc.meta.inferred, []);
    assert.match(doc.hash, /^[0-9a-f]{64}$/);
  }
  assert.equal(
    load.documents[1]?.meta.url,
    'https://www.rferl.org/a/russian-pm-visits-minsk-as-belarus-looks-to-ally-for-help/30818225.html',
  );
});

/** A folder outside the knowledge folder holding what a link must never expose: an .env-like secret. */
async function secretOutside(): Promise<string> {
  const outside = await folder({
    'bot.env': `# Production settings of the crisis desk bot on the main server; keep this file private and never commit it to the shared repository or paste it anywhere.\nDISCORD_TOKEN=fake.token.for-tests-only\n`,
  });
  return path.join(outside, 'bot.env');
}

test('symbolic links are skipped with the reason, whether they point outside the folder or inside it', async () => {
  const secret = await secretOutside();
  const dir = await folder({ 'a-good.md': GOOD, 'sub-target.txt': `Other title\n\n${ARTICLE}` });
  await symlink(secret, path.join(dir, 'users.md'));
  await symlink('/dev/zero', path.join(dir, 'zero.md'));
  await symlink(path.join(dir, 'sub-target.txt'), path.join(dir, 'inside.md'));
  await symlink(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
  const load = await loadKnowledge(dir, { maxBytes: 1000 });
  assert.deepEqual(
    load.documents.map((d) => d.file),
    ['a-good.md', 'sub-target.txt'],
  );
  assert.ok(!load.documents.some((d) => d.text.includes('DISCORD_TOKEN')));
  assert.match(
    reasonFor(load, 'users.md'),
    /^symbolic link to a file outside the knowledge folder: not read/,
  );
  assert.match(reasonFor(load, 'zero.md'), /^symbolic link to a file outside the knowledge folder: not read/);
  assert.match(reasonFor(load, 'inside.md'), /^symbolic link: not read; only regular files are/);
  assert.match(reasonFor(load, 'dangling.md'), /^symbolic link to nothing \(a broken link\): not read/);
});

test('a FIFO or a socket in the folder is skipped at once, never opened', { timeout: 10_000 }, async () => {
  const dir = await folder({ 'a-good.md': GOOD });
  const made = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
  assert.equal(made.status, 0, `mkfifo is available on this Linux machine: ${made.stderr}`);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
  try {
    const load = await loadKnowledge(dir);
    assert.deepEqual(
      load.documents.map((d) => d.file),
      ['a-good.md'],
    );
    assert.match(reasonFor(load, 'pipe.md'), /^a FIFO \(named pipe\), not a regular file: not read/);
    assert.match(reasonFor(load, 'socket.txt'), /^a socket, not a regular file: not read/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
