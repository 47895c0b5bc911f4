import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockBusyError } from './errors.js';
import { count, field, parseJson, record, ShapeError, text } from './jsonShape.js';

/**
 * A cross-process lock file (DATA_DIR/index.lock) so that the bot and a CLI reindex never write the
 * index at once. The holder JSON is written to a temp file and hard-linked into place: link() fails
 * with EEXIST while the lock is held, and the lock file is never seen half-written. The holder
 * refreshes the file's mtime every heartbeatMs. A lock is stale, and cleared by the next taker, when
 * its pid is dead on this host, or it names this process but a token it does not hold (a restarted
 * container reuses pid 1), or its mtime is older than staleMs (a hung holder, or one on another host).
 */
export interface LockHolder {
  pid: number;
  hostname: string;
  purpose: string;
  /** ISO time. */
  since: string;
  /** Random hex, unique to one taking of the lock. */
  token: string;
}

export interface HeldLock {
  readonly holder: LockHolder;
  /** False once the lock file is gone or names another holder (it was cleared as stale and taken). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How often the holder refreshes the lock file's mtime; default 5 s. */
  heartbeatMs?: number;
  /** A lock not refreshed for this long is stale whatever its pid; default 30 s. */
  staleMs?: number;
  /** Default: process.kill(pid, 0) succeeds or fails with EPERM. */
  isAlive?: (pid: number) => boolean;
  /** Called when a stale lock is removed; holder is null when its content was unreadable. */
  onStaleCleared?: (holder: LockHolder | null, why: string) => void;
}

const BREAKER_STALE_MS = 10_000;
const ATTEMPTS = 8;

/** Tokens of the locks and breakers this process holds now (rule: own pid, unknown token = stale). */
const heldTokens = new Set<string>();

interface LockFile {
  raw: string;
  holder: LockHolder | null;
  mtimeMs: number;
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code;

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return codeOf(err) === 'EPERM';
  }
}

/** The lock file's content, checked; null when it is not a holder (a lock so written is stale). */
function decodeLockHolder(raw: string): LockHolder | null {
  try {
    const h = record(parseJson(raw, 'lock file'));
    if (field(h, 'pid', count) === 0) return null;
    for (const key of ['hostname', 'purpose', 'since', 'token'] as const) field(h, key, text);
    return h as unknown as LockHolder;
  } catch (error) {
    if (error instanceof ShapeError) return null;
    throw error;
  }
}

/** Content and mtime read through one handle, so both belong to the same file; null when there is none. */
async function readLock(file: string): Promise<LockFile | null> {
  const handle = await open(file, 'r').catch((err: unknown) => {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  });
  if (!handle) return null;
  try {
    const { mtimeMs } = await handle.stat();
    const raw = await handle.readFile('utf8');
    return { raw, holder: decodeLockHolder(raw), mtimeMs };
  } finally {
    await handle.close();
  }
}

function staleReason(lock: LockFile, staleMs: number, isAlive: (pid: number) => boolean): string | null {
  const { holder } = lock;
  // link() only ever publishes a fully written file, so unreadable content is not a write in
  // progress: it is stale at once.
  if (!holder) return 'unreadable lock file';
  if (holder.hostname === hostname()) {
    if (holder.pid === process.pid) {
      if (!heldTokens.has(holder.token)) return `pid ${holder.pid} is this process, which does not hold it`;
    } else if (!isAlive(holder.pid)) return `pid ${holder.pid} is dead`;
  }
  const age = Date.now() - lock.mtimeMs;
  return age > staleMs ? `not refreshed for ${Math.round(age / 1000)} s` : null;
}

/** Takes `file` if free. The token is registered before link() so this process never finds it stale. */
async function take(file: string, purpose: string): Promise<LockHolder | null> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    purpose,
    since: new Date().toISOString(),
    token: randomBytes(16).toString('hex'),
  };
  heldTokens.add(holder.token);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  let taken = false;
  try {
    await writeFile(temp, JSON.stringify(holder), { flag: 'wx' });
    await link(temp, file);
    taken = true;
  } catch (err) {
    if (codeOf(err) !== 'EEXIST') throw err;
  } finally {
    if (!taken) heldTokens.delete(holder.token);
    await unlink(temp).catch(() => {});
  }
  return taken ? holder : null;
}

async function unlinkQuiet(file: string): Promise<void> {
  await unlink(file).catch((err: unknown) => {
    if (codeOf(err) !== 'ENOENT') throw err;
  });
}

async function unlinkIf(file: string, matches: (lock: LockFile) => boolean): Promise<void> {
  const lock = await readLock(file);
  if (lock && matches(lock)) await unlinkQuiet(file);
}

/**
 * Removes the stale lock `seen` while holding the breaker `${file}.break`, and only if it is still the
 * same file and still stale: two processes clearing at once cannot remove a lock one of them just took.
 * Returns false when another process holds the breaker.
 */
async function clearStale(file: string, seen: LockFile, options: Required<LockOptions>): Promise<boolean> {
  const breakerFile = `${file}.break`;
  const breaker = await take(breakerFile, `clearing ${basename(file)}`);
  if (!breaker) {
    // Not itself guarded by a breaker: breakers live for milliseconds, so a stale one was left by a crash.
    await unlinkIf(breakerFile, (b) => staleReason(b, BREAKER_STALE_MS, options.isAlive) !== null);
    return false;
  }
  try {
    const now = await readLock(file);
    const why = now?.raw === seen.raw ? staleReason(now, options.staleMs, options.isAlive) : null;
    if (why) {
      await unlinkQuiet(file);
      options.onStaleCleared(now!.holder, why);
    }
  } finally {
    await unlinkIf(breakerFile, (b) => b.holder?.token === breaker.token);
    heldTokens.delete(breaker.token);
  }
  return true;
}

/** Takes the lock `file` for `purpose`; throws LockBusyError while a live holder has it. */
export async function acquireLock(
  file: string,
  purpose: string,
  options: LockOptions = {},
): Promise<HeldLock> {
  const opts: Required<LockOptions> = {
    heartbeatMs: options.heartbeatMs ?? 5_000,
    staleMs: options.staleMs ?? 30_000,
    isAlive: options.isAlive ?? defaultIsAlive,
    onStaleCleared: options.onStaleCleared ?? (() => {}),
  };
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const holder = await take(file, purpose);
    if (holder) return hold(file, holder, opts.heartbeatMs);
    const lock = await readLock(file);
    if (!lock) continue; // released since our link() failed
    if (!staleReason(lock, opts.staleMs, opts.isAlive)) throw new LockBusyError(file, lock.holder!);
    if (!(await clearStale(file, lock, opts))) await sleep(10 + Math.random() * 40);
  }
  throw new Error(`could not take ${basename(file)} in ${ATTEMPTS} attempts: a stale lock is being cleared`);
}

function hold(file: string, holder: LockHolder, heartbeatMs: number): HeldLock {
  let beat: Promise<void> | null = null;
  let released: Promise<void> | null = null;
  const timer = setInterval(() => {
    beat ??= (async () => {
      const lock = await readLock(file);
      if (lock?.holder?.token !== holder.token) {
        clearInterval(timer); // gone, or cleared as stale and taken by another: no longer ours
        heldTokens.delete(holder.token);
        return;
      }
      const now = new Date();
      await utimes(file, now, now);
    })()
      .catch(() => {})
      .finally(() => {
        beat = null;
      });
  }, heartbeatMs);
  timer.unref();
  return {
    holder,
    stillHeld: async () => (await readLock(file))?.holder?.token === holder.token,
    release() {
      released ??= (async () => {
        clearInterval(timer);
        await beat;
        try {
          await unlinkIf(file, (lock) => lock.holder?.token === holder.token);
        } finally {
          heldTokens.delete(holder.token);
        }
      })();
      return released;
    },
  };
}
