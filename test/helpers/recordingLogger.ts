import type { Log } from '../../src/log/log.js';

/** A logger (a Log, with pino's child) that keeps every line for assertions. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  msg?: string;
  obj: Record<string, unknown>;
}

interface RecordingLogger extends Log {
  /** Like pino's child: every line it logs carries `bindings` (the line's own fields win). */
  child(bindings: Record<string, unknown>): RecordingLogger;
}

export function recordingLogger() {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): RecordingLogger => {
    const at =
      (level: LogLine['level']) =>
      (obj: object, msg?: string): void => {
        lines.push({ level, obj: { ...bindings, ...(obj as Record<string, unknown>) }, msg });
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      fatal: at('fatal'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return {
    lines,
    logger: make({}),
    /** The messages logged so far, at `level` or at any. */
    messages: (level?: LogLine['level']): string[] =>
      lines.filter((l) => level === undefined || l.level === level).map((l) => l.msg ?? ''),
  };
}
