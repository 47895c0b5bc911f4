import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LockBusyError } from '../../src/indexStore/errors.js';
import { acquireLock, type LockHolder } from '../../src/indexStore/processLock.js';
import { readLockHolder } from '../helpers/lockHolder.js';

const dirs: string[] = [];
after(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function lockFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'process-lock-'));
  dirs.push(dir);
  return join(dir, 'index.lock');
}

function holderOf(fields: Partial<LockHolder>): LockHolder {
  return {
    pid: process.pid,
    hostname: hostname(),
    purpose: 'old',
    since: new Date().toISOString(),
    token: 'f00d',
    ...fields,
  };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

function recordCleared() {
  const cleared: { holder: LockHolder | null; why: string }[] = [];
  return {
    cleared,
    onStaleCleared: (holder: LockHolder | null, why: string) => cleared.push({ holder, why }),
  };
}

test('acquire writes our holder; a second acquire is busy until release removes the file', async () => {
  const file = await lockFile();
  const first = await acquireLock(file, 'reindex');
  assert.equal(first.holder.pid, process.pid);
  assert.equal(first.holder.purpose, 'reindex');
  assert.match(first.holder.token, /^[0-9a-f]{32}$/);
  assert.deepEqual(await readLockHolder(file), first.holder);

  const busy = await acquireLock(file, 'bot').catch((err: unknown) => err);
  assert.ok(busy instanceof LockBusyError);
  assert.equal(busy.name, 'LockBusyError');
  assert.deepEqual(busy.holder, first.holder);
  assert.match(
    busy.message,
    new RegExp(`^index\\.lock is held by pid ${process.pid} on host .+ \\(reindex\\) since`),
  );

  await first.release();
  await first.release(); // idempotent
  assert.equal(await readLockHolder(file), null);
  const second = await acquireLock(file, 'bot');
  assert.equal(second.holder.purpose, 'bot');
  assert.notEqual(second.holder.token, first.holder.token);
  await second.release();
  assert.deepEqual(await readdir(join(file, '..')), []);
});

test('a lock left by a dead pid on this host is cleared', async () => {
  const file = await lockFile();
  const dead = holderOf({ pid: await deadPid() });
  await writeFile(file, JSON.stringify(dead));
  const { cleared, onStaleCleared } = recordCleared();
  const lock = await acquireLock(file, 'reindex', { onStaleCleared });
  assert.equal(lock.holder.pid, process.pid);
  assert.deepEqual(
    cleared.map((c) => c.holder),
    [dead],
  );
  assert.match(cleared[0]!.why, /dead/);
  await lock.release();
});

test('a lock with our pid but a token we do not hold is cleared (restarted container)', async () => {
  const file = await lockFile();
  const stranger = holderOf({ token: 'abad1dea' });
  await writeFile(file, JSON.stringify(stranger));
  const { cleared, onStaleCleared } = recordCleared();
  const lock = await acquireLock(file, 'bot', { onStaleCleared });
  assert.deepEqual(await readLockHolder(file), lock.holder);
  assert.deepEqual(
    cleared.map((c) => c.holder),
    [stranger],
  );
  await lock.release();
});

test('a live holder is stale only once its mtime is older than staleMs', async () => {
  const file = await lockFile();
  const live = holderOf({ pid: process.ppid, hostname: 'elsewhere' });
  const isAlive = () => true;
  await writeFile(file, JSON.stringify(live));
  const busy = await acquireLock(file, 'bot', { isAlive }).catch((err: unknown) => err);
  assert.ok(busy instanceof LockBusyError);
  assert.deepEqual(busy.holder, live);

  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(file, hourAgo, hourAgo);
  const { cleared, onStaleCleared } = recordCleared();
  const lock = await acquireLock(file, 'bot', { isAlive, onStaleCleared });
  assert.deepEqual(
    cleared.map((c) => c.holder),
    [live],
  );
  assert.match(cleared[0]!.why, /not refreshed/);
  await lock.release();
});

test('a lock file with garbage content is cleared', async () => {
  const file = await lockFile();
  await writeFile(file, '{"pid": 12');
  assert.equal(await readLockHolder(file), null);
  const { cleared, onStaleCleared } = recordCleared();
  const lock = await acquireLock(file, 'bot', { onStaleCleared });
  assert.deepEqual(cleared, [{ holder: null, why: 'unreadable lock file' }]);
  assert.deepEqual(await readLockHolder(file), lock.holder);
  await lock.release();
});

test('the heartbeat keeps the mtime fresh', async () => {
  const file = await lockFile();
  const lock = await acquireLock(file, 'bot', { heartbeatMs: 30 });
  const minuteAgo = new Date(Date.now() - 60_000);
  await utimes(file, minuteAgo, minuteAgo);
  const deadline = Date.now() + 2_000;
  let mtimeMs = (await stat(file)).mtimeMs;
  while (mtimeMs < Date.now() - 10_000 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    mtimeMs = (await stat(file)).mtimeMs;
  }
  assert.ok(
    mtimeMs > minuteAgo.getTime() + 50_000,
    `mtime ${new Date(mtimeMs).toISOString()} did not advance`,
  );
  await lock.release();
});

test('release does not remove a lock another holder now owns', async () => {
  const file = await lockFile();
  const lock = await acquireLock(file, 'bot');
  const other = holderOf({ pid: process.ppid, token: 'beef' });
  await writeFile(file, JSON.stringify(other));
  await lock.release();
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), other);
});

test('four processes racing on a stale lock: exactly one wins', { timeout: 15_000 }, async () => {
  const file = await lockFile();
  await writeFile(file, JSON.stringify(holderOf({ pid: await deadPid() })));
  // .mts: a .ts file outside the project (no package.json "type": "module") would be run as CommonJS.
  const moduleUrl = new URL('../../src/indexStore/processLock.ts', import.meta.url).href;
  const errorsUrl = new URL('../../src/indexStore/errors.ts', import.meta.url).href;
  const script = join(file, '..', 'racer.mts');
  // Each racer says "ready", waits for "go", tries once, reports, and a winner holds until stdin closes.
  await writeFile(
    script,
    `import { createInterface } from 'node:readline';
import { acquireLock } from ${JSON.stringify(moduleUrl)};
import { LockBusyError } from ${JSON.stringify(errorsUrl)};
const rl = createInterface({ input: process.stdin });
const lines = rl[Symbol.asyncIterator]();
console.log('ready');
await lines.next();
try {
  const lock = await acquireLock(process.argv[2], 'race');
  console.log('won');
  await lines.next();
  await lock.release();
} catch (err) {
  console.log(err instanceof LockBusyError ? 'busy' : 'error ' + String(err));
}
rl.close();
`,
  );
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const racers = Array.from({ length: 4 }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, file], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const next = async () => {
      const line = await lines.next();
      return line.done ? 'eof' : line.value;
    };
    return { child, next, exited, stderr: () => stderr };
  });
  try {
    const errors = () => racers.map((r) => r.stderr()).join('\n');
    assert.deepEqual(
      await Promise.all(racers.map((r) => r.next())),
      ['ready', 'ready', 'ready', 'ready'],
      errors(),
    );
    for (const r of racers) r.child.stdin.write('go\n');
    const results = await Promise.all(racers.map((r) => r.next()));
    assert.deepEqual([...results].sort(), ['busy', 'busy', 'busy', 'won'], errors());
    for (const r of racers) r.child.stdin.end();
    assert.deepEqual(await Promise.all(racers.map((r) => r.exited)), [0, 0, 0, 0], errors());
    assert.deepEqual(await readdir(join(file, '..')), ['racer.mts']); // no lock, breaker or temp left
  } finally {
    for (const r of racers) r.child.kill();
  }
});
