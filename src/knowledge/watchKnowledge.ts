/** Watches the (flat) knowledge folder and reports each burst of edits once, debounced. */

import { type FSWatcher, type Stats, statSync, watch } from 'node:fs';
import path from 'node:path';
import type { Log } from '../log/log.js';
import { ALIAS_FILE } from '../text/aliases.js';
import { isDocumentFileName } from './loadKnowledge.js';

export interface WatchOptions {
  /** Quiet time after the last event before firing. */
  debounceMs: number;
  /** Default debounceMs * 10: fire at the latest this long after the first event of a burst, even if events keep coming. */
  maxWaitMs?: number;
  logger?: Log;
}

export interface KnowledgeWatcher {
  close(): void;
}

/** A change to this file name can change the index: a document or the alias file. */
function isRelevant(name: string): boolean {
  return !name.startsWith('.') && (isDocumentFileName(name) || name.toLowerCase() === ALIAS_FILE);
}

/** What the watched path is: a folder deleted and made again, or moved away, is not the one being watched. */
interface FolderIdentity {
  dev: number;
  ino: number;
  birthtimeMs: number;
}

function identityOf(stats: Stats): FolderIdentity {
  return { dev: stats.dev, ino: stats.ino, birthtimeMs: stats.birthtimeMs };
}

function sameIdentity(a: FolderIdentity, b: FolderIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.birthtimeMs === b.birthtimeMs;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Calls onChange(names) once per burst of relevant events, with the sorted unique file names seen.
 *
 * A burst ends after `debounceMs` without a relevant event, or `maxWaitMs` after its first event.
 * While the folder is missing (at start, or deleted or moved later) it is re-watched every
 * max(1000, debounceMs) ms; once it is back, onChange is called once (with whatever was seen, maybe []).
 * Every timer is unref'd: the watcher never keeps the process alive by itself.
 */
export function watchKnowledge(
  dir: string,
  onChange: (files: string[]) => void,
  options: WatchOptions,
): KnowledgeWatcher {
  const { debounceMs, logger } = options;
  const maxWaitMs = options.maxWaitMs ?? debounceMs * 10;
  if (!Number.isFinite(debounceMs) || debounceMs < 0)
    throw new RangeError(`debounceMs must be a finite number ≥ 0 (got ${debounceMs})`);
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0)
    throw new RangeError(`maxWaitMs must be a finite number ≥ 0 (got ${maxWaitMs})`);
  const retryMs = Math.max(1000, debounceMs);
  const folderName = path.basename(path.resolve(dir));

  let closed = false;
  let watcher: FSWatcher | null = null;
  let identity: FolderIdentity | null = null;
  /** Set while the folder is unwatched and the operator has been told (once per outage). */
  let outageLogged = false;

  let pending = new Set<string>();
  let dirty = false;
  let quietTimer: NodeJS.Timeout | null = null;
  let maxTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;

  function clearBurstTimers(): void {
    if (quietTimer) clearTimeout(quietTimer);
    if (maxTimer) clearTimeout(maxTimer);
    quietTimer = null;
    maxTimer = null;
  }

  function fire(): void {
    clearBurstTimers();
    if (closed || !dirty) return;
    const files = [...pending].sort(byCodeUnit);
    pending = new Set();
    dirty = false;
    try {
      onChange(files);
    } catch (error) {
      logger?.error({ err: error, dir, files }, 'knowledge watch: handling a change failed');
    }
  }

  /** Records a relevant change (null: something changed, name unknown) and (re)arms the burst timers. */
  function noteChange(name: string | null): void {
    if (closed) return;
    if (name !== null) pending.add(name);
    dirty = true;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(fire, debounceMs).unref();
    if (!maxTimer) maxTimer = setTimeout(fire, maxWaitMs).unref();
  }

  function stopWatcher(): void {
    const current = watcher;
    watcher = null;
    identity = null;
    if (current) {
      current.removeAllListeners();
      current.on('error', () => {}); // a late error from a closed watcher must not go unhandled
      current.close();
    }
  }

  function scheduleRetry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (closed) return;
      if (start())
        noteChange(null); // it may have changed while unwatched
      else scheduleRetry();
    }, retryMs).unref();
  }

  /** The watch is gone (folder deleted or moved, or a watcher error): drop the burst, retry later. */
  function lose(why: 'gone' | 'error', error?: unknown): void {
    stopWatcher();
    // A reindex now would only fail on the missing folder; the call on recovery covers these edits.
    clearBurstTimers();
    pending = new Set();
    dirty = false;
    if (!outageLogged) {
      outageLogged = true;
      if (why === 'error')
        logger?.error(
          { err: error, dir, retryMs },
          'knowledge watch failed; retrying until the folder is back',
        );
      else logger?.warn({ dir, retryMs }, 'knowledge folder disappeared; watching again once it is back');
    }
    scheduleRetry();
  }

  /** Whether the watched path still names the folder being watched. */
  function stillThere(): boolean {
    try {
      const stats = statSync(dir);
      return stats.isDirectory() && identity !== null && sameIdentity(identity, identityOf(stats));
    } catch {
      return false;
    }
  }

  function onEvent(event: string, filename: string | null): void {
    if (closed || watcher === null) return;
    // Deleting or moving the folder itself shows up (on Linux) as a 'rename' named after the folder,
    // after which the watcher goes silent without an error.
    if (event === 'rename' && (filename === null || filename === folderName) && !stillThere()) {
      lose('gone');
      return;
    }
    if (filename === null || isRelevant(filename)) noteChange(filename);
  }

  /** Starts watching; false (after logging once per outage) when the folder cannot be watched now. */
  function start(): boolean {
    let next: FSWatcher;
    let stats: Stats;
    try {
      stats = statSync(dir);
      if (!stats.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
      next = watch(dir, { persistent: false });
    } catch (error) {
      if (!outageLogged) {
        outageLogged = true;
        logger?.warn(
          { err: error, dir, retryMs },
          'cannot watch the knowledge folder; retrying until it is there',
        );
      }
      return false;
    }
    watcher = next;
    identity = identityOf(stats);
    outageLogged = false;
    next.on('change', (event: string, filename: string | Buffer | null) =>
      onEvent(event, filename === null ? null : filename.toString()),
    );
    next.on('error', (error) => {
      if (closed || watcher !== next) return;
      lose('error', error);
    });
    return true;
  }

  if (!start()) scheduleRetry();

  return {
    close(): void {
      if (closed) return;
      closed = true;
      stopWatcher();
      clearBurstTimers();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      pending = new Set();
      dirty = false;
    },
  };
}
