import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { built } from '../../harness/built.js';
import { validateKnowledge } from '../../src/knowledge/validateKnowledge.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE =
  'Protesters gathered in central Minsk on Sunday for the fourth weekend in a row. ' +
  'Police detained dozens of people, the Interior Ministry said, and the opposition called for new elections.';

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-validate-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

test('a folder of good documents validates, one line per document', async () => {
  const dir = await folder({
    'good.md': `---\ntitle: "Protests go on"\noutlet: "Example News"\npublished: 2020-09-06\n---\n${ARTICLE}`,
    'plain.txt': `Minsk protests\n\nBy Jane Doe August 30, 2020\n\n${ARTICLE}`,
  });
  const report = await validateKnowledge(dir);
  assert.equal(report.ok, true);
  assert.deepEqual(report.lines, [
    'ok   good | "Protests go on" | outlet: Example News | 2020-09-06 | 30 words | inferred: none',
    'ok   plain | "Minsk protests" | outlet: unknown | 2020-08-30 | 30 words | inferred: title, author, published',
    '2 document(s) ok, 0 skipped',
  ]);
});

test('a page’s outlet claim is listed as a claim after its outlet', async () => {
  const dir = await folder({
    'claimed.md': `---\ntitle: "Protests go on"\noutlet: "evil.example"\noutlet_claim: "Reuters"\n---\n${ARTICLE}`,
  });
  const report = await validateKnowledge(dir);
  assert.equal(
    report.lines[0],
    'ok   claimed | "Protests go on" | outlet: evil.example (claims to be Reuters) | undated | 30 words | inferred: none',
  );
});

test('a skipped document fails validation and its reason is printed', async () => {
  const dir = await folder({
    'good.md': `---\ntitle: "Protests go on"\n---\n${ARTICLE}`,
    'broken.md': `---\ntitle: "Protests go on"\npublished: yesterday\n---\n${ARTICLE}`,
  });
  const report = await validateKnowledge(dir);
  assert.equal(report.ok, false);
  assert.ok(report.lines.some((line) => line.startsWith('ok   good |')));
  assert.ok(
    report.lines.includes(
      'SKIP broken.md: invalid metadata: published: "yesterday" is not a real date written as YYYY-MM-DD',
    ),
  );
  assert.equal(report.lines.at(-1), '1 document(s) ok, 1 skipped');
});

test('a missing or empty folder fails validation', async () => {
  const empty = await folder({ 'README.md': '# Knowledge' });
  assert.deepEqual(await validateKnowledge(empty), {
    ok: false,
    lines: [`error: no documents (.md or .txt files) in knowledge folder ${empty}`],
  });
  const missing = await validateKnowledge(path.join(empty, 'nope'));
  assert.equal(missing.ok, false);
  assert.match(missing.lines[0] ?? '', /^error: knowledge folder .*nope does not exist/);
});

test('the shipped knowledge folder validates', async () => {
  const report = await validateKnowledge(path.join(ROOT, 'knowledge'));
  assert.equal(report.ok, true, report.lines.join('\n'));
  assert.equal(report.lines.at(-1), '5 document(s) ok, 0 skipped');
});

test('the CLI exits 1 and prints the reason when a document is broken', async () => {
  const dir = await folder({ 'broken.md': `---\ntitle: "Unclosed\n---\n${ARTICLE}` });
  const run = spawnSync(process.execPath, [built('src/cli/validateKnowledgeCli.ts')], {
    cwd: ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: dir },
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(
    run.stdout,
    /SKIP broken\.md: unreadable front matter: line 2 \(title\): missing closing double quote/,
  );
});

test('aliases.txt problems, documents saved in another format, links and ignored files are all reported', async () => {
  const dir = await folder({
    'good.md': `---\ntitle: "Protests go on"\n---\n${ARTICLE}`,
    'aliases.txt': 'CSTO = Collective Security Treaty Organization\nLukashenko\n',
    'page.html': `<p>${ARTICLE}</p>`,
    '.hidden.md': ARTICLE,
  });
  await mkdir(path.join(dir, 'sub'));
  await writeFile(path.join(dir, 'sub', 'x.md'), ARTICLE);
  const outside = await folder({ '.env': `# ${ARTICLE}\nDISCORD_TOKEN=fake.token.for-tests-only\n` });
  await symlink(path.join(outside, '.env'), path.join(dir, 'settings.md'));
  const report = await validateKnowledge(dir);
  assert.equal(report.ok, false);
  assert.deepEqual(report.lines.slice(1), [
    'SKIP page.html: a .html file is not read: save it as .md or .txt to make it a document',
    'SKIP settings.md: symbolic link to a file outside the knowledge folder: not read',
    'SKIP aliases.txt: line 2 needs at least two forms separated by "="',
    'IGNORED .hidden.md: hidden (its name starts with a dot): not read',
    'IGNORED sub/: a folder: files in subfolders are not read',
    '1 document(s) ok, 3 skipped, 2 ignored',
  ]);
  assert.ok(!report.lines.join('\n').includes('DISCORD_TOKEN'));
});

test('ignored files alone are information: the folder still validates', async () => {
  const dir = await folder({
    'good.md': `---\ntitle: "Protests go on"\n---\n${ARTICLE}`,
    'notes.csv': 'a,b',
  });
  await mkdir(path.join(dir, 'drafts'));
  const report = await validateKnowledge(dir);
  assert.equal(report.ok, true, report.lines.join('\n'));
  assert.deepEqual(report.lines.slice(1), [
    'IGNORED drafts/: a folder: files in subfolders are not read',
    'IGNORED notes.csv: not a .md or .txt file: not read',
    '1 document(s) ok, 0 skipped, 2 ignored',
  ]);
});

test('an aliases.txt that links out of the folder is reported and not read', async () => {
  const outside = await folder({ 'names.txt': 'Secret = Other Secret\n' });
  const dir = await folder({ 'good.md': `---\ntitle: "Protests go on"\n---\n${ARTICLE}` });
  await symlink(path.join(outside, 'names.txt'), path.join(dir, 'aliases.txt'));
  const report = await validateKnowledge(dir);
  assert.equal(report.ok, false);
  assert.ok(
    report.lines.includes(
      'SKIP aliases.txt: cannot be used: symbolic link to a file outside the knowledge folder: not read',
    ),
    report.lines.join('\n'),
  );
});

test('the CLI validates the KNOWLEDGE_DIR of .env, as reindex does, and lists ignored files', async () => {
  const root = await folder({ '.env': 'KNOWLEDGE_DIR=./configured\n' });
  await mkdir(path.join(root, 'configured'));
  await writeFile(path.join(root, 'configured', 'only-here.md'), `---\ntitle: "Only here"\n---\n${ARTICLE}`);
  await mkdir(path.join(root, 'configured', 'sub'));
  // The default folder holds something else: it must not be the one validated.
  await mkdir(path.join(root, 'knowledge'));
  await writeFile(path.join(root, 'knowledge', 'default.md'), `---\ntitle: "Default"\n---\n${ARTICLE}`);
  const { KNOWLEDGE_DIR: _unset, ...env } = process.env;
  const run = spawnSync(process.execPath, [built('src/cli/validateKnowledgeCli.ts')], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^ok {3}only-here \| "Only here"/m);
  assert.doesNotMatch(run.stdout, /default/);
  assert.match(run.stdout, /^IGNORED sub\/: a folder: files in subfolders are not read$/m);
});
