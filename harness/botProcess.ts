import { BotChild, type BotLogLine } from './botChild.js';
import type { DiscordEmulator } from './emulator/index.js';
import { tempWorkspace } from './tempKnowledge.js';

export type LogLine = BotLogLine;

/**
 * The real bot process — the same entry point as `npm start` (BotChild, shared with the bench) —
 * pointed at the emulator, with its own copy of the bundled knowledge and an empty data folder.
 */
export class BotProcess {
  private constructor(
    private readonly child: BotChild,
    readonly knowledgeDir: string,
    readonly dataDir: string,
    private readonly cleanupWorkspace: () => Promise<void>,
  ) {}

  /**
   * Starts the bot on a fresh workspace, or on `workspace` (a restart after a crash test: its folders
   * are then left for the caller to remove).
   */
  static async start(
    emu: DiscordEmulator,
    env: Record<string, string> = {},
    workspace?: { knowledgeDir: string; dataDir: string },
  ): Promise<BotProcess> {
    const ws = workspace ? { ...workspace, cleanup: async () => {} } : await tempWorkspace();
    const child = new BotChild({
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: ws.knowledgeDir,
      DATA_DIR: ws.dataDir,
      ...env,
    });
    const bot = new BotProcess(child, ws.knowledgeDir, ws.dataDir, ws.cleanup);
    try {
      await child.waitForLog((l) => l.msg === 'ready', 15_000);
    } catch (error) {
      await bot.stop();
      throw error;
    }
    return bot;
  }

  get logs(): readonly LogLine[] {
    return this.child.logs;
  }

  get stderr(): string {
    return this.child.stderr;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  get exitSignal(): NodeJS.Signals | null {
    return this.child.exitSignal;
  }

  waitForExit(timeoutMs = 10_000): Promise<boolean> {
    return this.child.waitForExit(timeoutMs);
  }

  get running(): boolean {
    return this.child.running;
  }

  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 5000, from = 0): Promise<LogLine> {
    return this.child.waitForLog(predicate, timeoutMs, from);
  }

  /** The next interaction log line from `from` on (its outcome, results, latency). */
  interactionLog(from = 0): Promise<LogLine> {
    return this.waitForLog((l) => l.msg === 'interaction', 5000, from);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.signal(signal);
  }

  async stop(): Promise<void> {
    await this.child.stop();
    await this.cleanupWorkspace();
  }
}
