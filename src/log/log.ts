/**
 * What code that logs asks of a logger: pino's levels, fields first. pino's Logger is one, and so
 * is a test's recorder (test/helpers/recordingLogger.ts); code that needs `child` takes pino's Logger.
 */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  fatal(obj: object, msg?: string): void;
  /** pino's: writes out lines still buffered, before the process exits. */
  flush?(): void;
}

/** Logs nothing: an engine opened without a logger (tests, eval, bench). */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
