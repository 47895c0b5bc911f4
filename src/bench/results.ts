import type { LatencySummary } from './percentiles.js';
import type { TargetCheck } from './targets.js';

/** What one side (our engine or plain minisearch) measured at one corpus size. */
export interface SideResult {
  /** Ours: Engine.open on an empty DATA_DIR (read, segment, index, save); plain: addAll of the same passages. */
  fullReindexMs: number;
  fullReindexBlockMs: number;
  /** Ours: one knowledge file edited, engine.reindex(); plain: discard + add of that document's passages. */
  incrementalMs: number;
  incrementalBlockMs: number;
  /** Ours: the ReindexReport's mode of that reindex. */
  incrementalMode?: string;
  /** Ours: Engine.open({ syncOnOpen: false }) from the saved DATA_DIR; plain: readFile + MiniSearch.loadJSON. */
  loadMs: number;
  loadBlockMs: number;
  /** Ours: Engine.open({ syncOnOpen: true }) from the saved DATA_DIR (load, then read and diff the knowledge files). */
  loadSyncMs?: number;
  loadSyncBlockMs?: number;
  /** Ours: the generation folder; plain: JSON.stringify(mini).length in bytes. */
  diskBytes: number;
  /** maxRSS of the child that built, queried and reindexed (ours also rebuilt aside for the breakdown). */
  peakRssBuildMB: number;
  /** maxRSS of the child that only loaded the saved index. */
  peakRssLoadMB: number;
  /** RSS right after the load, before anything else ran. */
  rssAfterLoadMB: number;
  queries: LatencySummary;
  slowestQueries: { query: string; ms: number }[];
  /** Ours: share of queries answered (not abstained). */
  answeredShare?: number;
  /** Plain: mean number of results per query. */
  meanResults?: number;
  /** Ours: where a full rebuild's time goes (ms), measured by calling the engine's steps one by one. */
  breakdown?: Record<string, number>;
}

export interface SizeResult {
  requestedPassages: number;
  passages: number;
  documents: number;
  skipped: number;
  corpusBytes: number;
  generateMs: number;
  ours: SideResult;
  plain: SideResult;
  /** Anything that makes this size's figures suspect (a saved index that did not load, skipped files…). */
  problems: string[];
}

/** Latency of the Discord bot's round trips: a later issue fills it; absent until then. */
export type DiscordLatencyResults = Record<string, LatencySummary | number>;

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; totalMemGiB: number };
  options: { sizes: number[]; queries: number; seed: number; warmup: number };
  queryKinds: Record<string, number>;
  sizes: SizeResult[];
  targets: { atPassages: number; checks: TargetCheck[] };
  discord?: DiscordLatencyResults;
}
