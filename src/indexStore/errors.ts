import { basename } from 'node:path';
import type { LockHolder } from './processLock.js';

/** A saved index that cannot be used: missing parts, another format, a corrupt file. */
export class IndexLoadError extends Error {}

/**
 * DATA_DIR/current exists but cannot be read as a file (a folder in its place, no permission): no
 * saved index can be made current until an operator fixes it, so nothing should try.
 */
export class PointerUnreadableError extends IndexLoadError {}

export class LockBusyError extends Error {
  override name = 'LockBusyError';
  readonly holder: LockHolder;
  constructor(file: string, holder: LockHolder) {
    super(
      `${basename(file)} is held by pid ${holder.pid} on host ${holder.hostname} (${holder.purpose}) since ${holder.since}`,
    );
    this.holder = holder;
  }
}
