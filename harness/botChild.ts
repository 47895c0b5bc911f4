import { type ChildProcess, spawn } from 'node:child_process';
import { built, ROOT } from './built.js';

/** Variables of the caller's environment the bench sets itself or wants at their defaults. */
const DROPPED = /^(DISCORD_|MODERATOR_|COOLDOWN_|LOG_)/;

/** A pino line: level and msg are always there. */
export interface BotLogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

function bounded<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The real bot, compiled (`dist/src/bot/main.js`, as `npm start` runs it), in a child process. Its JSON log lines on
 * stderr are parsed as they arrive, and waiters are woken at once (no polling) so waiting for a line
 * adds nothing to the time of the next interaction.
 */
export class BotChild {
  readonly logs: BotLogLine[] = [];
  exitCode: number | null = null;
  /** The signal that ended the process, if one did (SIGKILL for a crash test). */
  exitSignal: NodeJS.Signals | null = null;
  #stderr = '';
  #partial = '';
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  readonly #waiters = new Set<() => void>();

  /** Spawns the bot with `env` on top of the caller's environment (minus Discord, cooldown and log settings). */
  constructor(env: Record<string, string>) {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROPPED.test(k)));
    this.#child = spawn(process.execPath, ['--enable-source-maps', built('src/bot/main.ts')], {
      cwd: ROOT,
      env: { ...base, LOG_LEVEL: 'info', LOG_PRETTY: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#read(chunk.toString()));
    this.#exited = new Promise((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null = null) => {
        this.exitCode = code ?? -1;
        this.exitSignal = signal;
        this.#wake();
        resolve();
      };
      this.#child.once('exit', (code, signal) => done(code, signal));
      this.#child.once('error', () => done(-1));
    });
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  /** Everything the bot wrote to stderr. */
  get stderr(): string {
    return this.#stderr;
  }

  /** The last few KB of stderr, for error messages. */
  get stderrTail(): string {
    return this.#stderr.slice(-4000);
  }

  /** The first log line from index `from` on that `predicate` accepts; rejects on exit or after `timeoutMs`. */
  waitForLog(predicate: (line: BotLogLine) => boolean, timeoutMs: number, from = 0): Promise<BotLogLine> {
    return new Promise((resolve, reject) => {
      let index = from;
      const check = () => {
        for (; index < this.logs.length; index++) {
          const line = this.logs[index]!;
          if (predicate(line)) return finish(() => resolve(line));
        }
        if (!this.running)
          finish(() => reject(new Error(`bot exited (${this.exitCode}):\n${this.stderrTail}`)));
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`no such bot log line within ${timeoutMs} ms:\n${this.stderrTail}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        settle();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Resolves when the process has exited, or after `timeoutMs` (then false). */
  async waitForExit(timeoutMs: number): Promise<boolean> {
    return (
      (await bounded(
        this.#exited.then(() => true),
        timeoutMs,
      )) === true
    );
  }

  /** Sends `signal` and returns at once (kill -9 a leader, SIGTERM one replica of a rolling restart). */
  signal(signal: NodeJS.Signals): void {
    if (this.running) this.#child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; never waits unbounded. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.running) return;
    this.#child.kill('SIGTERM');
    if (
      (await bounded(
        this.#exited.then(() => true),
        graceMs,
      )) === undefined
    ) {
      this.#child.kill('SIGKILL');
      await bounded(this.#exited, 2000);
    }
  }

  #read(text: string): void {
    this.#stderr += text;
    this.#partial += text;
    const lines = this.#partial.split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        this.logs.push(JSON.parse(line) as BotLogLine);
      } catch {
        // not a log line (a warning printed by Node, say)
      }
    }
    this.#wake();
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
