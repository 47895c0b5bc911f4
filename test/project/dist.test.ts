import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { built, ROOT } from '../../harness/built.js';
import { runCliScript } from '../../harness/runCliScript.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { OFF_THREAD_BYTES } from '../../src/knowledge/loadDocumentOffThread.js';

/** What ships is dist/: these run the compiled files, as `npm start` and the npm scripts do. */

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
const temps: string[] = [];
before(async () => {
  ws = await tempWorkspace();
});
after(async () => {
  await ws.cleanup();
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

const packageJson = async () =>
  JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

test('every npm script that runs node runs a file the build makes; only the bench and the tests need TypeScript', async () => {
  const { scripts, dependencies, devDependencies } = await packageJson();
  const entries = Object.entries(scripts).flatMap(([name, command]) =>
    [...command.matchAll(/\bnode (?:--\S+ )*(dist\/\S+\.js)/g)].map((m) => ({ name, file: m[1] ?? '' })),
  );
  assert.ok(entries.some((e) => e.name === 'start'));
  assert.ok(entries.length >= 10, 'start and the command-line tools');
  for (const { name, file } of entries) {
    const source = file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    await access(join(ROOT, source));
    await access(built(source));
    assert.ok(source.startsWith('src/'), `${name} runs ${file}, outside what the build compiles`);
  }
  // A production install (npm install --omit=dev) has no tsx: everything else must run without it.
  const runsTypeScript = Object.keys(scripts).filter((name) => /\btsx\b/.test(scripts[name] ?? ''));
  assert.deepEqual(runsTypeScript.sort(), ['bench', 'test', 'test:discord', 'test:service']);
  assert.equal(dependencies.tsx, undefined);
  assert.ok(devDependencies.tsx);
});

test('npm run ask answers from the compiled CLI', async () => {
  const question = 'Did Russia offer Lukashenko military help?';
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'ask', '--', '--json', question], {
        cwd: ROOT,
        env: { ...process.env, KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stdout: out, stderr: err });
      });
    },
  );
  assert.equal(code, 0, stderr);
  const answer = JSON.parse(stdout);
  assert.equal(answer.query, question);
  assert.equal(answer.answered, true);
  assert.ok(answer.citations.length >= 1);
});

test('the build carries the run-time files: calibration.json, the word vectors, the document worker', async () => {
  assert.deepEqual(
    JSON.parse(await readFile(built('src/search/calibration.json'), 'utf8')),
    JSON.parse(await readFile(join(ROOT, 'src', 'search', 'calibration.json'), 'utf8')),
  );
  const vectors = join('src', 'text', 'vectors', 'words.bin');
  assert.ok((await readFile(join(ROOT, 'dist', vectors))).equals(await readFile(join(ROOT, vectors))));
  await readFile(built('src/knowledge/documentWorker.ts'));
});

test('the compiled engine cleans a large document in its worker thread, without TypeScript loaders', async () => {
  const filler = Array.from(
    { length: 4000 },
    (_, i) => `Report ${i}: the roads of district ${i} stayed open.`,
  );
  const text = `---\ntitle: "Vitebsk museum"\n---\nThe glass harmonica museum opened in Vitebsk on Monday, its curator said.\n\n${filler.join('\n\n')}\n`;
  assert.ok(Buffer.byteLength(text) > OFF_THREAD_BYTES);
  const workspace = await tempWorkspace();
  temps.push(workspace.root);
  await writeFile(join(workspace.knowledgeDir, 'vitebsk-museum.md'), text);
  const env = { KNOWLEDGE_DIR: workspace.knowledgeDir, DATA_DIR: workspace.dataDir };
  const { code, stdout, stderr } = await runCliScript(
    'askCli.ts',
    ['--json', 'Where did the glass harmonica museum open?'],
    { env },
  );
  assert.equal(code, 0, stderr);
  const answer = JSON.parse(stdout);
  assert.equal(answer.answered, true);
  assert.equal(answer.citations[0]?.documentId, 'vitebsk-museum');
});

test('derive-vectors writes the word vectors into src/ (the build copies them), not into dist/', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-vectors-'));
  temps.push(dir);
  await mkdir(join(dir, 'src', 'text', 'vectors'), { recursive: true });
  // 1000 plain words (the fewest derive-vectors takes), two dimensions each.
  const words = Array.from({ length: 1000 }, (_, i) =>
    [26 * 26, 26, 1].map((unit) => String.fromCharCode(97 + (Math.floor(i / unit) % 26))).join(''),
  );
  const vectors = Object.fromEntries(words.map((w, i) => [w, [i % 7, (i % 5) - 2]]));
  await writeFile(join(dir, 'wink.json'), JSON.stringify({ dimensions: 2, words, vectors }));
  const shipped = await readFile(join(ROOT, 'dist', 'src', 'text', 'vectors', 'words.bin'));

  const { code, stdout, stderr } = await runCliScript(
    'deriveVectorsCli.ts',
    ['--from', join(dir, 'wink.json'), '--words', '1000'],
    { cwd: dir },
  );
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^wrote src\/text\/vectors\/words\.bin: 1000 words/);
  assert.ok((await readFile(join(dir, 'src', 'text', 'vectors', 'words.bin'))).length > 0);
  assert.ok((await readFile(join(ROOT, 'dist', 'src', 'text', 'vectors', 'words.bin'))).equals(shipped));
});
