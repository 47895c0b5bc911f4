import type { DiscordSizeResult, SideResult } from './results.js';

export interface TargetCheck {
  metric: string;
  limit: number;
  unit: 'ms' | 'MB';
  value: number;
  met: boolean;
}

interface Target {
  metric: string;
  limit: number;
  unit: 'ms' | 'MB';
  value: (ours: SideResult) => number;
}

const longestBlock = (s: SideResult) =>
  Math.max(s.fullReindexBlockMs, s.incrementalBlockMs, s.loadBlockMs, s.loadSyncBlockMs ?? 0);
const peakRss = (s: SideResult) => Math.max(s.peakRssBuildMB, s.peakRssLoadMB);

/** The targets of our engine by corpus size (issue 18): 100k passages, and a million. */
export const TARGETS_BY_SIZE: ReadonlyMap<number, readonly Target[]> = new Map([
  [
    100_000,
    [
      { metric: 'full reindex', limit: 12_000, unit: 'ms', value: (s) => s.fullReindexMs },
      { metric: 'peak RSS (build beside the served index, or load)', limit: 550, unit: 'MB', value: peakRss },
      {
        metric: 'load + first answer',
        limit: 1_000,
        unit: 'ms',
        value: (s) => s.loadMs + (s.firstAnswerMs ?? Number.NaN),
      },
      {
        metric: 'query p50, first queries of a fresh process',
        limit: 2,
        unit: 'ms',
        value: (s) => s.firstQueries?.p50 ?? Number.NaN,
      },
      { metric: 'query p50', limit: 2, unit: 'ms', value: (s) => s.queries.p50 },
      { metric: 'query p99', limit: 8, unit: 'ms', value: (s) => s.queries.p99 },
      { metric: 'one-document reindex', limit: 50, unit: 'ms', value: (s) => s.incrementalMs },
      { metric: 'longest event-loop block (reindex, load)', limit: 100, unit: 'ms', value: longestBlock },
    ],
  ],
  [
    1_000_000,
    [
      { metric: 'full reindex', limit: 120_000, unit: 'ms', value: (s) => s.fullReindexMs },
      { metric: 'peak RSS (build or load)', limit: 3_500, unit: 'MB', value: peakRss },
      { metric: 'load', limit: 4_000, unit: 'ms', value: (s) => s.loadMs },
      { metric: 'query p50', limit: 10, unit: 'ms', value: (s) => s.queries.p50 },
      { metric: 'query p99', limit: 50, unit: 'ms', value: (s) => s.queries.p99 },
    ],
  ],
]);

/** The checks of one size, or none when the issue set no target for it. */
export function checkTargets(passages: number, ours: SideResult): TargetCheck[] {
  return (TARGETS_BY_SIZE.get(passages) ?? []).map(({ metric, limit, unit, value }) => {
    const v = value(ours);
    return { metric, limit, unit, value: v, met: v <= limit };
  });
}

/** The targets for the bot through the Discord emulator at 100k passages. */
export const DISCORD_TARGETS: readonly {
  metric: string;
  limit: number;
  value: (d: DiscordSizeResult) => number;
}[] = [
  { metric: 'discord /ask p99', limit: 50, value: (d) => d.ask.p99 },
  { metric: 'discord autocomplete p99', limit: 20, value: (d) => d.autocomplete.p99 },
];

/** Missing figures (the Discord run failed at that size) count as missed, with the value NaN. */
export function checkDiscordTargets(discord: DiscordSizeResult | undefined): TargetCheck[] {
  return DISCORD_TARGETS.map(({ metric, limit, value }) => {
    const v = discord ? value(discord) : Number.NaN;
    return { metric, limit, unit: 'ms', value: v, met: v <= limit };
  });
}
