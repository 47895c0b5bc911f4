import type { ReindexBusyError } from '../engine/reindexBusyError.js';

/** Why the index cannot be written now, in words for a moderator; `then` says what happens meanwhile. */
export function busyText(error: ReindexBusyError | null, then: string): string {
  const holder = error?.holder;
  if (!holder) return `A reindex is already running. ${then}`;
  const since = Math.floor(Date.parse(holder.since) / 1000);
  const when = Number.isFinite(since) ? ` since <t:${since}:R>` : '';
  return `Another process (pid ${holder.pid}, ${holder.purpose}) is writing the index${when}. ${then}`;
}
