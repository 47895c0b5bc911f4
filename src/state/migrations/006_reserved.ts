import type { Migration } from './migration.js';

/**
 * Version 6 is the feeds review queue's (issue 16, on its own branch); this empty step only keeps
 * the numbers contiguous until that branch is merged, and is replaced by it then.
 */
export const reserved: Migration = {
  version: 6,
  name: 'reserved',
  up() {},
};
