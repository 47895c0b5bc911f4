import { after, before } from 'node:test';
import { BotProcess } from '../../harness/botProcess.js';
import { DiscordEmulator } from '../../harness/emulator/index.js';

export interface SharedBot {
  emu: DiscordEmulator;
  bot: BotProcess;
}

/**
 * One emulator and one real bot process for a whole test file: started before its tests (then
 * handed to `started`), stopped after them. `prepare` runs on the emulator before the bot starts
 * (channels and roles the bot must see in GUILD_CREATE) and returns extra environment for the bot.
 */
export function shareBot(
  env: Record<string, string>,
  started: (shared: SharedBot) => void,
  prepare: (emu: DiscordEmulator) => Record<string, string> = () => ({}),
): void {
  let shared: Partial<SharedBot> = {};
  before(async () => {
    const emu = new DiscordEmulator();
    shared = { emu };
    await emu.start();
    const bot = await BotProcess.start(emu, { ...env, ...prepare(emu) });
    shared.bot = bot;
    started({ emu, bot });
  });
  after(async () => {
    await shared.bot?.stop();
    await shared.emu?.stop();
  });
}
