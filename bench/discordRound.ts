import type { BotChild } from '../harness/botChild.js';
import type { DiscordEmulator, DispatchedInteraction, Json } from '../harness/emulator/index.js';

/** Callback types: 5 is a deferred reply, whose final reply is the later edit of `@original`. */
const DEFERRED = 5;
const LOADING = 128;

export interface Round {
  /** Dispatch to the final reply reaching the emulator, measured in this process. */
  ms: number;
  /** The bot's own `latencyMs` for the interaction. */
  botMs: number;
  outcome: string;
  /** The `results` field of the bot's log line (citations shown, choices offered). */
  results: number;
  callbackType: number;
}

const settled = (messages: Json[]) => messages.some((m) => (Number(m.flags ?? 0) & LOADING) === 0);

/**
 * Dispatches one interaction and times it to its final reply: the first callback, or the edit of a
 * deferred one. Then waits for the bot's log line of it, so the next round starts with the bot idle.
 * Interactions run one at a time, so the next `interaction` log line is this one's.
 */
export async function timeRound(
  emu: DiscordEmulator,
  bot: BotChild,
  dispatch: () => DispatchedInteraction,
  timeoutMs: number,
): Promise<Round> {
  const from = bot.logs.length;
  const started = performance.now();
  const interaction = dispatch();
  const callback = await emu.waitForCallback(interaction, { timeoutMs });
  if (callback.type === DEFERRED) await emu.waitForMessages(interaction, settled, { timeoutMs });
  const ms = performance.now() - started;
  const log = await bot.waitForLog((l) => l.msg === 'interaction', timeoutMs, from);
  return {
    ms,
    botMs: Number(log.latencyMs),
    outcome: String(log.outcome),
    results: Number(log.results ?? 0),
    callbackType: callback.type,
  };
}
