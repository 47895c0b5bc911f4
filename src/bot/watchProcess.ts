/** How the bot process ends: cleanly and within a bound, on a signal or after an uncaught exception. */

import type { Log } from '../log/log.js';

export interface ShutdownOptions {
  /** Exit even if closing has not finished by then (default 5 s). */
  boundMs?: number;
  /** process.exit, replaced in tests. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Adds a step to run when closing, last added first; a step that throws is logged, not fatal. */
  onClose(step: () => unknown): void;
  /** Runs at once when closing starts, before any step (readiness turns 503). */
  onStopping(notice: () => void): void;
  /** Runs the close steps once, then exits with `code` (the highest asked for); exits anyway after the bound. */
  stop(code: number): void;
}

export function createShutdown(logger: Log, options: ShutdownOptions = {}): Shutdown {
  const boundMs = options.boundMs ?? 5000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const steps: (() => unknown)[] = [];
  const notices: (() => void)[] = [];
  let exitCode = 0;
  let closing = false;
  let bound: NodeJS.Timeout | undefined;
  let exited = false;
  const finish = () => {
    if (exited) return;
    exited = true;
    clearTimeout(bound);
    logger.flush?.();
    exit(exitCode);
  };
  return {
    onClose: (step) => void steps.push(step),
    onStopping: (notice) => void notices.push(notice),
    stop(code) {
      exitCode = Math.max(exitCode, code);
      if (closing) return;
      closing = true;
      for (const notice of notices) notice();
      bound = setTimeout(() => {
        logger.warn({ boundMs }, 'closing did not finish in time; exiting anyway');
        finish();
      }, boundMs);
      bound.unref();
      void (async () => {
        for (const step of [...steps].reverse()) {
          try {
            await step();
          } catch (error) {
            logger.warn({ err: error }, 'error while shutting down');
          }
        }
        finish();
      })();
    },
  };
}

/**
 * A malformed gateway payload surfaces as an unhandled rejection, which would end Node 20; the bot
 * logs it and keeps serving. An uncaught exception leaves the process in an undefined state (Node's
 * documentation): it is logged, the bot closes (bounded) and exits 1, for a supervisor to restart it.
 */
export function handleStrayErrors(logger: Log, shutdown: Shutdown): void {
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection; still serving'),
  );
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; shutting down');
    shutdown.stop(1);
  });
}

/** SIGINT/SIGTERM: close (bounded), then exit 0. */
export function shutDownOnSignals(logger: Log, shutdown: Shutdown): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    shutdown.stop(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
