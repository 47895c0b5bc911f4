import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { lstat, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { openReader } from '../../src/cli/openReader.js';
import { type CliProcess, runCli } from '../../src/cli/runCli.js';
import { Engine } from '../../src/engine/engine.js';
import { INDEX_LOCK } from '../../src/engine/indexLock.js';
import { describeReport, type ReindexReport } from '../../src/engine/reindexReport.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { acquireLock } from '../../src/indexStore/processLock.js';
import { CRASH_DOCUMENT, CRASH_QUESTION, OLD_QUESTION } from '../helpers/crashWorkspace.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

async function workspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const notices: string[] = [];
  const read = (sync = false) =>
    openReader({
      knowledgeDir: ws.knowledgeDir,
      dataDir: ws.dataDir,
      sync,
      notice: (line) => void notices.push(line),
    });
  return { ws, notices, read };
}

/** Every path under `dir` with its size and modification time: any write shows. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const described = entries.map(async (e) => {
    const path = join(e.parentPath, e.name);
    const { size, mtimeMs } = await lstat(path);
    return `${relative(dir, path)} ${size} ${mtimeMs}`;
  });
  return (await Promise.all(described)).sort();
}

test('a reading command with no saved index builds and saves one first, then reads it without a notice', async (t) => {
  const { ws, notices, read } = await workspace(t);
  assert.equal((await read()).knowledge.ask(OLD_QUESTION).answered, true);
  assert.ok(await readPointer(ws.dataDir), 'saved');
  assert.equal((await read()).knowledge.ask(OLD_QUESTION).answered, true);
  assert.deepEqual(notices, []);
});

test('a reading command takes no lock and writes nothing; one line says what changed and how to update', async (t) => {
  const { ws, notices, read } = await workspace(t);
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const [first, second] = (await readdir(ws.knowledgeDir)).filter((f) => f.endsWith('.md')).sort();
  assert.ok(first && second);
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
  const later = new Date(Date.now() + 60_000);
  await utimes(join(ws.knowledgeDir, first), later, later);
  await rm(join(ws.knowledgeDir, second));
  const before = await tree(ws.dataDir);
  const pointer = await readPointer(ws.dataDir);

  // Another process writing the index does not stop a reader, nor make it wait.
  const held = await acquireLock(join(ws.dataDir, INDEX_LOCK), 'reindex');
  try {
    const reader = await read();
    assert.equal(reader.knowledge.ask(CRASH_QUESTION).answered, false, 'answers come from the saved index');
    assert.equal(reader.knowledge.ask(OLD_QUESTION).answered, true);
  } finally {
    await held.release();
  }
  assert.equal(notices.length, 1);
  assert.match(
    notices[0] ?? '',
    /^note: the knowledge folder changed since the saved index was built \(1 added, 1 changed, 1 removed\)/,
  );
  assert.match(notices[0] ?? '', /Run `npm run reindex` to update it, or add --sync\.$/);
  assert.deepEqual(await tree(ws.dataDir), before);
  assert.deepEqual(await readPointer(ws.dataDir), pointer);

  // --sync opts in to bringing the index up to date first.
  const synced = await read(true);
  assert.equal(synced.knowledge.ask(CRASH_QUESTION).answered, true);
  assert.notDeepEqual(await readPointer(ws.dataDir), pointer);
  assert.equal(notices.length, 1);
});

test('a reading command with the knowledge folder gone answers from the saved index and says so in one line', async (t) => {
  const { ws, notices, read } = await workspace(t);
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  await rename(ws.knowledgeDir, `${ws.knowledgeDir}-away`);
  assert.equal((await read()).knowledge.ask(OLD_QUESTION).answered, true);
  assert.equal(notices.length, 1);
  assert.match(
    notices[0] ?? '',
    /^note: knowledge folder .* does not exist \(ENOENT\); answers come from the saved index\.$/,
  );
});

test('skipped documents are one warning line, however many', async (t) => {
  const { ws } = await workspace(t);
  for (const name of ['empty-a.md', 'empty-b.md', 'empty-c.md'])
    await writeFile(join(ws.knowledgeDir, name), '');
  const { logger, lines } = recordingLogger();
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, logger });
  assert.equal(engine.knowledge.skipped().length, 3);
  const warnings = lines.filter((l) => l.level === 'warn');
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.equal(warnings[0]?.obj.count, 3);
  assert.deepEqual(warnings[0]?.obj.files, ['empty-a.md', 'empty-b.md', 'empty-c.md']);
});

test('a reindex report lists at most 20 names a heading, then how many more', () => {
  const added = Array.from({ length: 10_000 }, (_, i) => `doc-${i}`);
  const report: ReindexReport = {
    mode: 'full',
    added,
    changed: ['edited'],
    removed: [],
    arrived: [],
    skipped: Array.from({ length: 25 }, (_, i) => ({ file: `bad-${i}.md`, reason: 'empty' })),
    documents: 10_000,
    passagesBefore: 0,
    passagesAfter: 90_000,
    ms: 1,
    applyMs: 1,
    saveMs: 0,
    saved: true,
  };
  const lines = describeReport(report).split('\n');
  assert.ok(lines.includes('added 10000, changed 1, removed 0, skipped 25'));
  assert.deepEqual(lines.filter((l) => l.startsWith('  + ')).length, 20);
  assert.ok(lines.includes('  + doc-19') && !lines.includes('  + doc-20'));
  assert.ok(lines.includes('  … and 9980 more'));
  assert.ok(lines.includes('  ~ edited'));
  assert.ok(lines.includes('  … and 5 more'));
  assert.ok(lines.length <= 3 + 21 + 1 + 21);
});

/** A CLI process whose output and exit are recorded. */
function fakeProcess(argv: string[]) {
  const out = { stdout: '', stderr: '', exitCode: undefined as number | undefined, exited: [] as number[] };
  const stream = (name: 'stdout' | 'stderr') =>
    Object.assign(new EventEmitter(), {
      write: (chunk: string) => {
        out[name] += chunk;
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  const proc: CliProcess = {
    argv,
    env: {},
    stdin: Readable.from([]),
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    setExitCode: (code) => {
      out.exitCode = code;
    },
    exit: (code) => void out.exited.push(code),
  };
  return { proc, out };
}

test('--help and -h print the usage on stdout and exit 0 without running the command', async () => {
  for (const argv of [['--help'], ['-h'], ['--json', '-h', 'question']]) {
    const { proc, out } = fakeProcess(argv);
    let ran = false;
    const main = async () => {
      ran = true;
      return 1;
    };
    await runCli({ usage: 'usage: npm run thing', main }, proc);
    assert.deepEqual([ran, out.stdout, out.stderr, out.exitCode], [false, 'usage: npm run thing\n', '', 0]);
  }
});

test('a reader that goes away (EPIPE) ends the command quietly with its exit code', async () => {
  const { proc, out } = fakeProcess([]);
  await runCli({ usage: 'usage', main: async () => 0 }, proc);
  proc.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  assert.deepEqual(out.exited, [0]);
  assert.equal(out.stderr, '');
});
