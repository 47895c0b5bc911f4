/**
 * `npm run bench -- --http`: signed /ask interactions POSTed, as Discord does, to one replica and then to
 * two (HTTP mode, one embedded PostgreSQL, one shared folder), at rising rates; for each rate the answers'
 * latency (signed POST to HTTP reply) and the errors, and per replica count the throughput sustained with
 * p99 ≤ 100 ms and no error. Every load is bounded (MAX_PER_STEP interactions a step).
 */
import type { KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotChild } from '../harness/botChild.js';
import {
  applicationKeys,
  DiscordEmulator,
  type DispatchedInteraction,
  type Json,
} from '../harness/emulator/index.js';
import { freePort } from '../harness/freePort.js';
import { TestPostgres } from '../harness/postgres.js';
import { tempWorkspace } from '../harness/tempKnowledge.js';
import { cycle } from './discordInputs.js';
import { type LatencySummary, summarize } from './percentiles.js';
import { formatMs, formatNumber, formatTable } from './table.js';

/** Offered rates, interactions per second. */
export const HTTP_RATES = [25, 50, 100, 200, 400];
const STEP_SECONDS = 4;
const MAX_PER_STEP = 1600;
/** A member asks at most this many (COOLDOWN_QUESTIONS is 100 in the bench): no /ask is refused. */
const QUESTIONS_PER_MEMBER = 50;
const P99_BUDGET_MS = 100;
const SETTLE_MS = 5000;

export interface HttpStep {
  replicas: number;
  offeredPerSecond: number;
  sent: number;
  /** Answered with a 200 whose reply is a message, divided by the step's duration. */
  completedPerSecond: number;
  latency: LatencySummary;
  /** Non-200s, transport errors, no reply, or an outcome other than answered / not found. */
  errors: number;
  /** Replies that were a deferral (the answer came later through REST). */
  deferred: number;
}

export interface HttpBenchResult {
  steps: HttpStep[];
  /** Per replica count: the highest completed rate of a step with p99 ≤ 100 ms and no error (0 if none). */
  sustained: Record<string, number>;
}

interface Replica {
  bot: BotChild;
  url: string;
}

async function startReplica(env: Record<string, string>, readyTimeoutMs: number): Promise<Replica> {
  const port = await freePort();
  const bot = new BotChild({ ...env, HTTP_PORT: String(port) });
  await bot.waitForLog((l) => l.msg === 'ready', readyTimeoutMs);
  return { bot, url: `http://127.0.0.1:${port}/interactions` };
}

async function step(
  emu: DiscordEmulator,
  replicas: readonly Replica[],
  privateKey: KeyObject,
  questions: readonly string[],
  rate: number,
  members: () => Json,
): Promise<HttpStep> {
  const count = Math.min(rate * STEP_SECONDS, MAX_PER_STEP);
  const asks = cycle(questions, count);
  const sent: { at: number; interaction: DispatchedInteraction }[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    emu.httpTarget = { url: (replicas[i % replicas.length] as Replica).url, privateKey };
    const at = Date.now();
    sent.push({
      at,
      interaction: emu.chatInput('ask', [{ name: 'question', type: 3, value: asks[i] as string }], {
        member: members(),
      }),
    });
  }
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline && sent.some((s) => !emu.httpResults.has(s.interaction.id))) await sleep(50);
  const latencies: number[] = [];
  let errors = 0;
  let deferred = 0;
  let lastReply = 0;
  for (const { at, interaction } of sent) {
    const result = emu.httpResults.get(interaction.id);
    const body = result && !(result instanceof Error) ? (result.body as { type?: number }) : undefined;
    if (!result || result instanceof Error || result.status !== 200 || !body) {
      errors++;
      continue;
    }
    if (body.type === 5) deferred++;
    else if (body.type !== 4) errors++;
    latencies.push(result.time - at);
    lastReply = Math.max(lastReply, result.time);
  }
  const seconds = Math.max((lastReply - (sent[0]?.at ?? lastReply)) / 1000, STEP_SECONDS / 2);
  return {
    replicas: replicas.length,
    offeredPerSecond: rate,
    sent: count,
    completedPerSecond: (latencies.length - deferred) / seconds,
    latency: summarize(latencies),
    errors,
    deferred,
  };
}

/** The whole HTTP benchmark: starts what it needs (emulator, PostgreSQL, replicas) and stops it all. */
export async function runHttpBench(options: {
  questions: readonly string[];
  log: (line: string) => void;
  rates?: readonly number[];
}): Promise<HttpBenchResult> {
  const rates = options.rates ?? HTTP_RATES;
  const emu = new DiscordEmulator();
  const postgres = await TestPostgres.start();
  const ws = await tempWorkspace();
  const keys = applicationKeys();
  const replicas: Replica[] = [];
  const steps: HttpStep[] = [];
  try {
    await emu.start();
    const env = {
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: ws.knowledgeDir,
      DATA_DIR: ws.dataDir,
      INTERACTIONS_MODE: 'http',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DATABASE_URL: await postgres.createDatabase('bench'),
      COOLDOWN_QUESTIONS: '100',
      LOG_LEVEL: 'info',
    };
    let asked = 0;
    let member: Json = emu.members.plain;
    const members = () => {
      if (asked++ % QUESTIONS_PER_MEMBER === 0)
        member = emu.createMember({ username: `bench-${asked}`, roles: [emu.roles.member] });
      return member;
    };
    for (const count of [1, 2]) {
      while (replicas.length < count) replicas.push(await startReplica(env, 120_000));
      options.log(`http: ${count} replica(s) ready`);
      // Warm-up: untimed, so that the first step does not pay for the first queries.
      await step(emu, replicas, keys.privateKey, options.questions, 20, members);
      for (const rate of rates) {
        const result = await step(emu, replicas, keys.privateKey, options.questions, rate, members);
        steps.push(result);
        options.log(
          `http: ${count} replica(s), ${rate}/s offered: ${formatNumber(result.completedPerSecond, 1)}/s, p99 ${formatMs(result.latency.p99)} ms, ${result.errors} errors`,
        );
        if (result.latency.p99 > P99_BUDGET_MS * 5 || result.errors > result.sent / 10) break;
      }
    }
  } finally {
    for (const r of replicas) await r.bot.stop();
    await emu.stop();
    await postgres.stop();
    await ws.cleanup();
  }
  const sustained: Record<string, number> = {};
  for (const count of [1, 2]) {
    const ok = steps.filter((s) => s.replicas === count && s.errors === 0 && s.latency.p99 <= P99_BUDGET_MS);
    sustained[String(count)] = Math.max(0, ...ok.map((s) => s.completedPerSecond));
  }
  return { steps, sustained };
}

export function httpReport(result: HttpBenchResult): string {
  const rows = result.steps.map((s) => [
    String(s.replicas),
    formatNumber(s.offeredPerSecond),
    formatNumber(s.completedPerSecond, 1),
    formatMs(s.latency.p50),
    formatMs(s.latency.p99),
    formatNumber(s.errors),
    formatNumber(s.deferred),
  ]);
  const table = formatTable(
    ['replicas', 'offered /s', 'answered /s', 'p50 ms', 'p99 ms', 'errors', 'deferred'],
    rows,
  );
  const sustained = Object.entries(result.sustained)
    .map(([n, rate]) => `${n} replica(s): ${formatNumber(rate, 1)}/s`)
    .join(', ');
  return `Signed /ask over HTTP interactions (PostgreSQL state, one shared folder)\n${table}\n\nthroughput at p99 ≤ ${P99_BUDGET_MS} ms with no error: ${sustained}`;
}
