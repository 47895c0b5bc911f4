import type { AuditLog } from './auditLog.js';
import type { FeedbackStore } from './feedbackStore.js';
import type { FeedStore } from './feedStore.js';
import type { GapStore } from './gapStore.js';
import type { ReviewQueue } from './reviewQueue.js';

/**
 * The bot's lasting state, one narrow store per concern. Callers see only these interfaces, so
 * another database (Postgres for several replicas) can stand in for SQLite without changing them.
 */
export interface State {
  feedback: FeedbackStore;
  gaps: GapStore;
  feeds: FeedStore;
  reviews: ReviewQueue;
  audit: AuditLog;
  /** Where it lives, for messages: a file path, or ':memory:'. */
  readonly location: string;
  /** Resolves when the database answers now (/readyz); rejects with the reason when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
