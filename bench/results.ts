import type { LatencySummary } from './percentiles.js';
import type { TargetCheck } from './targets.js';

/** What one side (our engine or plain minisearch) measured at one corpus size. */
export interface SideResult {
  /** Ours: Engine.open on an empty DATA_DIR (read, segment, index, save); plain: addAll of the same passages. */
  fullReindexMs: number;
  fullReindexBlockMs: number;
  /**
   * Ours: one knowledge file edited, engine.reindex(), the median over a few edits of different files;
   * plain: discard + add of the first one's passages.
   */
  incrementalMs: number;
  /** Ours: the first of those reindexes (its code paths run for the first time in the process). */
  incrementalFirstMs?: number;
  /** Ours: how many one-document reindexes the median is of. */
  incrementalRuns?: number;
  incrementalBlockMs: number;
  /** Ours: the ReindexReport's mode of those reindexes ("mixed" if they differ). */
  incrementalMode?: string;
  /** Ours: those reindexes until the new index served queries (ReindexReport.applyMs), and their saves (medians). */
  incrementalApplyMs?: number;
  incrementalSaveMs?: number;
  /** Ours: engine.rollback() in a child that loaded the saved index: the previous generation loaded and swapped in. */
  rollbackMs?: number;
  rollbackBlockMs?: number;
  /** Ours: that child's maxRSS (the served index and the previous one, at once). */
  peakRssRollbackMB?: number;
  /** Ours: Engine.open({ syncOnOpen: false }) from the saved DATA_DIR; plain: readFile + MiniSearch.loadJSON. */
  loadMs: number;
  loadBlockMs: number;
  /** Ours: Engine.open({ syncOnOpen: true }) from the saved DATA_DIR (load, then read and diff the knowledge files). */
  loadSyncMs?: number;
  loadSyncBlockMs?: number;
  /** Ours: the generation folder in use (and its base when it is a delta); plain: JSON.stringify(mini).length in bytes. */
  diskBytes: number;
  /** maxRSS of the child that built, queried and reindexed (ours also rebuilt aside for the breakdown). */
  peakRssBuildMB: number;
  /** Ours: the build child's maxRSS before the breakdown rebuilt a second index beside the serving one. */
  peakRssBeforeBreakdownMB?: number;
  /** maxRSS of a child that only loaded the saved index (ours: the larger of the load and the load + sync children). */
  peakRssLoadMB: number;
  /** RSS right after the load, before anything else ran. */
  rssAfterLoadMB: number;
  queries: LatencySummary;
  /** Ours: the first query after a fresh load, and the first FIRST_QUERIES of that process (after the bot's warm-up). */
  firstAnswerMs?: number;
  firstQueries?: LatencySummary;
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
  /** Null above PLAIN_MAX_PASSAGES: plain minisearch does not fit this machine there (see runBench). */
  plain: SideResult | null;
  /** Anything that makes this size's figures suspect (a saved index that did not load, skipped files…). */
  problems: string[];
}

/** The real bot against the local Discord emulator at one corpus size. */
export interface DiscordSizeResult {
  requestedPassages: number;
  /** Passages the bot reported when ready. */
  passages: number;
  /** Whether the bot found a DATA_DIR the bench had built (else it built one at start). */
  prebuiltIndex: boolean;
  /** Spawn to the bot's `ready` log line (not part of any latency). */
  startupMs: number;
  /** /ask: INTERACTION_CREATE dispatched to the final reply callback arriving at the emulator. */
  ask: LatencySummary;
  /** /ask: the bot's own `latencyMs` log field (handler start to its reply acknowledged). */
  askBot: LatencySummary;
  answered: number;
  notFound: number;
  /** Other /ask outcomes (refused by the cooldown, errors…) by name. */
  otherOutcomes: Record<string, number>;
  /** /ask question autocomplete: dispatch to the type-8 callback. */
  autocomplete: LatencySummary;
  autocompleteBot: LatencySummary;
  /** Mean number of choices offered, and how many autocompletes offered none. */
  meanChoices: number;
  emptyAutocompletes: number;
  slowestAsks: { query: string; ms: number; botMs: number }[];
  slowestAutocompletes: { query: string; ms: number; botMs: number }[];
}

/** Latency of the Discord bot's round trips through the emulator, one entry per corpus size. */
export interface DiscordLatencyResults {
  /** Timed /ask and timed autocompletes per size, after `warmup` untimed ones of each. */
  interactions: number;
  warmup: number;
  /** A fresh member for every this many /ask, so the per-member cooldown never triggers. */
  questionsPerMember: number;
  sizes: DiscordSizeResult[];
  /** Sizes whose Discord run failed, with the reason. */
  failures: { requestedPassages: number; error: string }[];
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; totalMemGiB: number };
  options: { sizes: number[]; queries: number; seed: number; warmup: number };
  queryKinds: Record<string, number>;
  sizes: SizeResult[];
  /** The targets at each size run that has them. */
  targets: { passages: number; checks: TargetCheck[] }[];
  discord?: DiscordLatencyResults;
}
