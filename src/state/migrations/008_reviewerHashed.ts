import type { Migration } from './migration.js';

/**
 * The review queue kept the deciding moderator's raw Discord id; it now keeps the hashed one, like
 * every other member id. Raw ids already there are dropped rather than hashed (the salt may not be
 * known to the process migrating): the audit log keeps, hashed, who made each decision.
 */
export const reviewerHashed: Migration = {
  version: 8,
  name: 'reviewer_hashed',
  up(db) {
    db.exec('UPDATE review_items SET decided_by = NULL WHERE decided_by IS NOT NULL');
  },
};
