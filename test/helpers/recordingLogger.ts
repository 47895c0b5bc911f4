/** A logger (pino's shape, as far as our code uses it) that keeps every line for assertions. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg?: string;
  obj: Record<string, unknown>;
}

export function recordingLogger() {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj: obj as Record<string, unknown>, msg });
    };
  return {
    lines,
    logger: { info: at('info'), warn: at('warn'), error: at('error') },
    /** The messages logged so far, at `level` or at any. */
    messages: (level?: LogLine['level']): string[] =>
      lines.filter((l) => level === undefined || l.level === level).map((l) => l.msg ?? ''),
  };
}
