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

/** The targets for our engine at 100k passages. */
export const TARGETS: readonly Target[] = [
  { metric: 'query p50', limit: 3, unit: 'ms', value: (s) => s.queries.p50 },
  { metric: 'query p99', limit: 15, unit: 'ms', value: (s) => s.queries.p99 },
  { metric: 'full reindex', limit: 15_000, unit: 'ms', value: (s) => s.fullReindexMs },
  { metric: 'one-document incremental reindex', limit: 200, unit: 'ms', value: (s) => s.incrementalMs },
  { metric: 'load (syncOnOpen: false)', limit: 1_500, unit: 'ms', value: (s) => s.loadMs },
  {
    metric: 'peak RSS (build or load)',
    limit: 500,
    unit: 'MB',
    value: (s) => Math.max(s.peakRssBuildMB, s.peakRssLoadMB),
  },
  {
    metric: 'longest event-loop block (reindex, load)',
    limit: 100,
    unit: 'ms',
    value: (s) => Math.max(s.fullReindexBlockMs, s.incrementalBlockMs, s.loadBlockMs, s.loadSyncBlockMs ?? 0),
  },
];

export function checkTargets(ours: SideResult): TargetCheck[] {
  return TARGETS.map(({ metric, limit, unit, value }) => {
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
