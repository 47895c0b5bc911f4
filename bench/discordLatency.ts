import { BotChild } from '../harness/botChild.js';
import { DiscordEmulator, type Json } from '../harness/emulator/index.js';
import { readPointer } from '../src/indexStore/indexPointer.js';
import { cycle, partialTexts } from './discordInputs.js';
import { type Round, timeRound } from './discordRound.js';
import { summarize } from './percentiles.js';
import type { DiscordSizeResult } from './results.js';

/** Timed /ask and timed autocompletes per size (the 200), after a few untimed ones. */
export const DISCORD_INTERACTIONS = 200;
export const DISCORD_WARMUP = 10;
/** Below the default cooldown (5 questions per 30 s per member), so no /ask is refused. */
export const QUESTIONS_PER_MEMBER = 4;
const ROUND_TIMEOUT_MS = 10_000;
const SLOWEST = 5;

function slowest(rounds: readonly Round[], inputs: readonly string[]) {
  return rounds
    .map((r, i) => ({ query: inputs[i]!, ms: r.ms, botMs: r.botMs }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST);
}

export interface DiscordTask {
  passages: number;
  knowledgeDir: string;
  /** The DATA_DIR the bench built for this size, if any; the bot builds one at start otherwise. */
  dataDir: string;
  queries: readonly string[];
  seed: number;
  readyTimeoutMs: number;
  log: (line: string) => void;
}

const questionOption = (value: string) => [{ name: 'question', type: 3, value }];

/** Runs /ask and autocomplete rounds, one at a time, against a started emulator and ready bot. */
class Rounds {
  #asked = 0;
  #member: Json | undefined;

  constructor(
    private readonly emu: DiscordEmulator,
    private readonly bot: BotChild,
  ) {}

  ask(question: string): Promise<Round> {
    if (this.#asked++ % QUESTIONS_PER_MEMBER === 0)
      this.#member = this.emu.createMember({
        username: `bench-member-${this.#asked}`,
        roles: [this.emu.roles.member],
      });
    const member = this.#member;
    return timeRound(
      this.emu,
      this.bot,
      () => this.emu.chatInput('ask', questionOption(question), member ? { member } : {}),
      ROUND_TIMEOUT_MS,
    );
  }

  autocomplete(partial: string): Promise<Round> {
    return timeRound(
      this.emu,
      this.bot,
      () => this.emu.autocomplete('ask', questionOption(partial)),
      ROUND_TIMEOUT_MS,
    );
  }
}

async function sequentially<T>(items: readonly T[], run: (item: T) => Promise<Round>): Promise<Round[]> {
  const rounds: Round[] = [];
  for (const item of items) rounds.push(await run(item));
  return rounds;
}

function outcomes(rounds: readonly Round[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rounds) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}

/**
 * The Discord figures at one size: the real bot process against the local emulator (loopback),
 * /ask and autocomplete timed from INTERACTION_CREATE to the final reply. Start-up is not timed into
 * them. The bot and the emulator are stopped whatever happens.
 */
export async function measureDiscord(task: DiscordTask): Promise<DiscordSizeResult> {
  const prebuiltIndex = (await readPointer(task.dataDir)) !== null;
  const asks = cycle(task.queries, DISCORD_INTERACTIONS);
  const warmAsks = cycle(task.queries, DISCORD_WARMUP, DISCORD_INTERACTIONS);
  const partials = partialTexts(task.queries, DISCORD_WARMUP + DISCORD_INTERACTIONS, task.seed);

  const emu = new DiscordEmulator();
  let bot: BotChild | undefined;
  try {
    await emu.start();
    const spawned = performance.now();
    bot = new BotChild({
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: task.knowledgeDir,
      DATA_DIR: task.dataDir,
    });
    const ready = await bot.waitForLog((l) => l.msg === 'ready', task.readyTimeoutMs);
    const startupMs = performance.now() - spawned;
    task.log(
      `discord: bot ready in ${Math.round(startupMs)} ms (${ready.passages} passages, ` +
        `${prebuiltIndex ? 'prebuilt index' : 'index built at start'})`,
    );

    const rounds = new Rounds(emu, bot);
    await sequentially(warmAsks, (q) => rounds.ask(q));
    await sequentially(partials.slice(0, DISCORD_WARMUP), (p) => rounds.autocomplete(p));
    const askRounds = await sequentially(asks, (q) => rounds.ask(q));
    const timedPartials = partials.slice(DISCORD_WARMUP);
    const completeRounds = await sequentially(timedPartials, (p) => rounds.autocomplete(p));

    const { answered = 0, not_found: notFound = 0, ...otherOutcomes } = outcomes(askRounds);
    const choices = completeRounds.map((r) => r.results);
    return {
      requestedPassages: task.passages,
      passages: Number(ready.passages),
      prebuiltIndex,
      startupMs,
      ask: summarize(askRounds.map((r) => r.ms)),
      askBot: summarize(askRounds.map((r) => r.botMs)),
      answered,
      notFound,
      otherOutcomes,
      autocomplete: summarize(completeRounds.map((r) => r.ms)),
      autocompleteBot: summarize(completeRounds.map((r) => r.botMs)),
      meanChoices: choices.reduce((a, b) => a + b, 0) / Math.max(choices.length, 1),
      emptyAutocompletes: choices.filter((n) => n === 0).length,
      slowestAsks: slowest(askRounds, asks),
      slowestAutocompletes: slowest(completeRounds, timedPartials),
    };
  } finally {
    await bot?.stop();
    await emu.stop();
  }
}
