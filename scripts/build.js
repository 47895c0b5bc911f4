// Compiles src/ and commands/ into dist/ (`tsc -p tsconfig.build.json`) and copies the run-time files tsc
// does not emit (the word vectors, `*.bin`) beside the compiled modules, which find them by import.meta.url.
//
//   node scripts/build.js             builds (`npm run build`)
//   node scripts/build.js --if-stale  builds only when a source changed since the last build: `npm start`,
//                                     the CLIs, `npm test` and the test harness run it before they start.
//                                     Without TypeScript (`npm install --omit=dev`) it never builds, and a
//                                     missing dist/ is one line and exit 1.
//
// Plain JavaScript, so that it runs where only the production dependencies are installed.

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** Its time is when the last complete build started: a source edited since is newer. */
const STAMP = join(DIST, '.build-stamp');
/** Held while building, so that test files started together do not build over each other. */
const LOCK = join(DIST, '.build-lock');
const LOCK_STALE_MS = 120_000;
const SOURCE_DIRS = ['src', 'commands'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.js'];
const ASSET = /\.bin$/;
const DEPLOY = 'npm ci && npm run build && npm prune --omit=dev';

const say = (line) => process.stderr.write(`${line}\n`);

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function sources() {
  return [
    ...SOURCE_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))),
    ...SOURCE_FILES.map((f) => join(ROOT, f)),
  ];
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
function staleness() {
  // One stat a file: this runs before every CLI, `npm start` and test file.
  const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  const built = mtime(STAMP);
  if (built === undefined) return 'no finished build yet';
  const changed = sources().find((file) => (mtime(file) ?? 0) > built);
  return changed ? `${relative(ROOT, changed)} changed` : null;
}

function typeScriptCompiler() {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  } catch {
    return null;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(work) {
  mkdirSync(DIST, { recursive: true });
  for (const deadline = Date.now() + LOCK_STALE_MS + 10_000; ; sleep(100)) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build killed part-way leaves its lock behind; no build takes this long.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > LOCK_STALE_MS)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${relative(ROOT, LOCK)} is held by another build`);
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Compiles and copies the assets; the stamp is written only when both succeed. Returns the exit code. */
function build(tsc) {
  rmSync(STAMP, { force: true });
  const started = new Date();
  // tsc reports errors on stdout; a CLI's stdout is its answer, so they go to stderr.
  const { status } = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (status !== 0) {
    say('build failed: TypeScript reported the errors above');
    return status ?? 1;
  }
  for (const file of filesUnder(join(ROOT, 'src')).filter((f) => ASSET.test(f))) {
    const target = join(DIST, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
  return 0;
}

function main(ifStale) {
  const tsc = typeScriptCompiler();
  if (!tsc) {
    if (!existsSync(join(DIST, 'src'))) {
      say(
        `dist/ is missing and TypeScript is not installed here to build it: build with the development dependencies first (${DEPLOY})`,
      );
      return 1;
    }
    const reason = ifStale && staleness();
    if (reason)
      say(
        `dist/ may be out of date (${reason}) and TypeScript is not installed to rebuild it: running it as it is`,
      );
    if (!ifStale) say('TypeScript is not installed: npm run build needs the development dependencies');
    return ifStale ? 0 : 1;
  }
  if (ifStale && !staleness()) return 0;
  return withLock(() => {
    if (ifStale) {
      const reason = staleness();
      if (!reason) return 0; // another process built it while this one waited
      say(`building dist/ (${reason})…`);
    }
    return build(tsc);
  });
}

process.exitCode = main(process.argv.includes('--if-stale'));
