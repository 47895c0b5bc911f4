import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../../harness/built.js';

/**
 * scripts/build.js on a project of two files, so that each build takes a fraction of a second: the same
 * script, configuration layout and scripts of package.json as the real project.
 */
const temps: string[] = [];
after(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

const ASSET = Buffer.from([0, 1, 2, 254, 255]);

async function project(withTypeScript: boolean): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-build-'));
  temps.push(dir);
  await mkdir(join(dir, 'scripts'));
  await mkdir(join(dir, 'src', 'assets'), { recursive: true });
  await copyFile(join(ROOT, 'scripts', 'build.js'), join(dir, 'scripts', 'build.js'));
  await copyFile(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    types: [],
    skipLibCheck: true,
    outDir: 'dist',
    rootDir: '.',
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  await writeFile(join(dir, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json' }));
  await writeFile(join(dir, 'src', 'hello.ts'), "export const greeting: string = 'hello';\n");
  await writeFile(join(dir, 'src', 'assets', 'data.bin'), ASSET);
  if (withTypeScript) await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(dir: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const ifStale = (dir: string) => run(dir, process.execPath, ['scripts/build.js', '--if-stale']);

/** Writes `file` of `dir` and dates the last build before it (a file system's times may be coarse). */
async function edit(dir: string, file: string, text: string): Promise<void> {
  await writeFile(join(dir, file), text);
  const earlier = new Date(Date.now() - 10_000);
  await utimes(join(dir, 'dist', '.build-stamp'), earlier, earlier).catch(() => {});
}

/** Built by the first test, and used by the last one without TypeScript. */
let builtProject = '';

test('--if-stale builds when nothing is built, then not again until a source changes', async () => {
  const dir = await project(true);
  builtProject = dir;
  const first = await ifStale(dir);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stderr, 'building dist/ (no finished build yet)…\n');
  assert.equal(first.stdout, '');
  assert.match(await readFile(join(dir, 'dist', 'src', 'hello.js'), 'utf8'), /'hello'/);
  assert.deepEqual(await readFile(join(dir, 'dist', 'src', 'assets', 'data.bin')), ASSET);

  const second = await ifStale(dir);
  assert.deepEqual(second, { code: 0, stdout: '', stderr: '' });

  await edit(dir, join('src', 'hello.ts'), "export const greeting: string = 'hi again';\n");
  const third = await ifStale(dir);
  assert.equal(third.code, 0, third.stderr);
  assert.equal(third.stderr, `building dist/ (${join('src', 'hello.ts')} changed)…\n`);
  assert.match(await readFile(join(dir, 'dist', 'src', 'hello.js'), 'utf8'), /'hi again'/);
});

test('a build that fails says so on stderr, keeps stdout clean and is tried again next time', async () => {
  const dir = await project(true);
  await writeFile(join(dir, 'src', 'hello.ts'), 'export const greeting: number = "not a number";\n');
  const failed = await ifStale(dir);
  assert.notEqual(failed.code, 0);
  assert.equal(failed.stdout, '');
  assert.match(failed.stderr, /hello\.ts.*TS2322/);
  assert.match(failed.stderr, /build failed: TypeScript reported the errors above/);

  await edit(dir, join('src', 'hello.ts'), 'export const greeting: number = 1;\n');
  const fixed = await ifStale(dir);
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stderr, /^building dist\//);
});

test('two runs started together build once, and both succeed', async () => {
  const dir = await project(true);
  const both = await Promise.all([ifStale(dir), ifStale(dir)]);
  assert.deepEqual(
    both.map((r) => r.code),
    [0, 0],
  );
  assert.equal(both.filter((r) => r.stderr.startsWith('building dist/')).length, 1);
});

test('npm start where TypeScript is not installed and dist/ is missing: one line saying how to build', async () => {
  const dir = await project(false);
  const start = await run(dir, 'npm', ['start', '--silent']);
  assert.notEqual(start.code, 0);
  const ours = start.stderr.split('\n').filter((l) => l.includes('dist/'));
  assert.deepEqual(ours, [
    'dist/ is missing and TypeScript is not installed here to build it: build with the development ' +
      'dependencies first (npm ci && npm run build && npm prune --omit=dev)',
  ]);
  assert.doesNotMatch(start.stderr, /\n\s+at /, 'no stack trace');
});

test('where TypeScript is not installed, a built dist/ runs as it is, with a warning once a source is newer', async () => {
  const dir = builtProject;
  await rm(join(dir, 'node_modules'));
  assert.deepEqual(await ifStale(dir), { code: 0, stdout: '', stderr: '' });
  await edit(dir, join('src', 'hello.ts'), "export const greeting: string = 'edited in place';\n");
  assert.deepEqual(await ifStale(dir), {
    code: 0,
    stdout: '',
    stderr: `dist/ may be out of date (${join('src', 'hello.ts')} changed) and TypeScript is not installed to rebuild it: running it as it is\n`,
  });
});
