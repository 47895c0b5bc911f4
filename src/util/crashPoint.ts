/**
 * Crash-test hooks: with CRISIS_DESK_CRASH_AT=<name>, the process kills itself with SIGKILL on
 * reaching that point, so tests can prove that a kill -9 there loses nothing. With
 * CRISIS_DESK_THROW_AT=<name>, an exception nothing catches is thrown there instead, so tests can
 * prove that the bot then closes cleanly and exits. A no-op otherwise.
 */
const target = process.env.CRISIS_DESK_CRASH_AT;
const throwTarget = process.env.CRISIS_DESK_THROW_AT;

export type CrashPoint =
  | 'reindex:applied'
  | 'save:generation-half-written'
  | 'save:before-pointer'
  | 'save:pointer-temp-written'
  | 'save:before-prune'
  | 'rollback:before-pointer'
  | 'add:temp-written'
  | 'add:before-reindex'
  | 'review:approved';

export function crashPoint(name: CrashPoint): void {
  if (target === name) process.kill(process.pid, 'SIGKILL');
  if (throwTarget === name)
    setImmediate(() => {
      throw new Error(`CRISIS_DESK_THROW_AT test hook: uncaught exception at ${name}`);
    });
}
