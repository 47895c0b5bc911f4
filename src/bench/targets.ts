import type { SideResult } from './results.js';

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
