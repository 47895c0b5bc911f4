import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DiscordEmulator } from '../emulator/index.js';
import { ROOT } from './runCliScript.js';
import { tempWorkspace } from './tempKnowledge.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * The real bot process — the same entry point as `npm start` — pointed at the emulator. Its
 * stderr JSON log lines are collected so tests can wait for and assert on them.
 */
export class BotProcess {
  readonly logs: LogLine[] = [];
  stderr = '';
  exitCode: number | null = null;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly knowledgeDir: string,
    readonly dataDir: string,
    private readonly cleanupWorkspace: () => Promise<void>,
  ) {}

  static async start(emu: DiscordEmulator, env: Record<string, string> = {}): Promise<BotProcess> {
    const ws = await tempWorkspace();
    const bot = new BotProcess(ws.knowledgeDir, ws.dataDir, ws.cleanup);
    bot.spawn({
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: ws.knowledgeDir,
      DATA_DIR: ws.dataDir,
      LOG_LEVEL: 'info',
      ...env,
    });
    await bot.waitForLog((l) => l.msg === 'ready', 15_000);
    return bot;
  }

  spawn(env: Record<string, string>): void {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && !k.startsWith('MODERATOR_')),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'bot', 'main.ts')], {
      cwd: ROOT,
      env: { ...clean, NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      this.stderr += text;
      partial += text;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line (e.g. a usage message)
        }
      }
    });
    child.stdout?.resume();
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        resolve();
      }),
    );
  }

  get running(): boolean {
    return this.child !== null && this.exitCode === null;
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 5000, from = 0): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.slice(from).find(predicate);
      if (found) return found;
      if (this.exitCode !== null)
        throw new Error(`bot exited (${this.exitCode}) before the log line:\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(`no such log line within ${timeoutMs} ms:\n${this.stderr.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The log line of the next interaction with this id (its outcome, results, latency). */
  interactionLog(from = 0): Promise<LogLine> {
    return this.waitForLog((l) => l.msg === 'interaction', 5000, from);
  }

  async stop(): Promise<void> {
    if (this.running) {
      this.child?.kill('SIGTERM');
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    await this.cleanupWorkspace();
  }
}
