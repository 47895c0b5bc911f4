import { feedback } from './001_feedback.js';
import { gaps } from './002_gaps.js';
import { feeds } from './003_feeds.js';
import { audit } from './004_audit.js';
import { notFoundOnce } from './005_notFoundOnce.js';
import { feedIntake } from './006_feedIntake.js';
import { gapMentions } from './007_gapMentions.js';
import { reviewerHashed } from './008_reviewerHashed.js';
import type { Migration } from './migration.js';

/** Every migration, in order. A new one gets the next number and goes at the end; none is ever edited. */
export const MIGRATIONS: readonly Migration[] = [
  feedback,
  gaps,
  feeds,
  audit,
  notFoundOnce,
  feedIntake,
  gapMentions,
  reviewerHashed,
];
