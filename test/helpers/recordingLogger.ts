/** A logger (pino's shape, as far as our code uses it) that keeps every line for assertions. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg?: string;
  obj: Record<string, unknown>;
}

interface RecordingLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
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
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
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
