import type { EngineActivity } from '../engine/engine.js';
import type { ReindexBusyError } from '../engine/errors.js';
import { discordTime } from './render/discordTime.js';

const RUNNING: Record<EngineActivity, string> = {
  reindex: 'A reindex is already running.',
  rollback: 'A rollback is running.',
  reload: 'The bot is switching to an index saved from the command line.',
};

/** Why the index cannot be written now, in words for a moderator; `then` says what happens meanwhile. */
export function busyText(
  error: ReindexBusyError | null,
  then: string,
  activity: EngineActivity | null = 'reindex',
): string {
  const holder = error?.holder;
  if (!holder) return `${RUNNING[activity ?? 'reindex']} ${then}`;
  const since = discordTime(holder.since, 'R');
  const when = since ? ` since ${since}` : '';
  return `Another process (pid ${holder.pid}, ${holder.purpose}) is writing the index${when}. ${then}`;
}
