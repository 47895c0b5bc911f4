import type { ReindexBusyError } from '../engine/reindexBusyError.js';
import { discordTime } from './render/discordTime.js';

/** Why the index cannot be written now, in words for a moderator; `then` says what happens meanwhile. */
export function busyText(error: ReindexBusyError | null, then: string): string {
  const holder = error?.holder;
  if (!holder) return `A reindex is already running. ${then}`;
  const since = discordTime(holder.since, 'R');
  const when = since ? ` since ${since}` : '';
  return `Another process (pid ${holder.pid}, ${holder.purpose}) is writing the index${when}. ${then}`;
}
