import type { LatencySummary } from './percentiles.js';
import type { SideResult } from './results.js';

/** A passage as handed from our engine's state to the plain minisearch side. */
export interface PlainPassage {
  id: string;
  documentId: string;
  text: string;
}

export interface QueryTiming {
  summary: LatencySummary;
  slowest: { query: string; ms: number }[];
  /** Ours: answered queries; plain: total results. */
  count: number;
  /** Each query's time, in query order. */
  times: number[];
}

export type ChildTask =
  | {
      kind: 'ours-build';
      knowledgeDir: string;
      dataDir: string;
      scratchDir: string;
      passagesFile: string;
      changedPassagesFile: string;
      /** One-document edits, each reindexed on its own; the first is the one plain minisearch replays. */
      edits: { path: string; content: string; documentId: string }[];
      queries: string[];
      warmup: number;
      breakdown: boolean;
    }
  | {
      kind: 'plain-build';
      passagesFile: string;
      changedPassagesFile: string;
      changedDocumentId: string;
      indexFile: string;
      queries: string[];
      warmup: number;
    }
  /**
   * sync: Engine.open with syncOnOpen (load, then read and diff the knowledge files), in a child of its own;
   * rollback: then a rollback to the previous generation (timed, with the child's peak RSS), undone after.
   */
  | {
      kind: 'ours-load';
      knowledgeDir: string;
      dataDir: string;
      sync: boolean;
      rollback?: boolean;
      /** Timed one by one right after the load and the bot's own warm-up: what the first members meet. */
      firstQueries?: string[];
    }
  | { kind: 'plain-load'; indexFile: string };

interface ChildCommon {
  peakRssMB: number;
}

/** The reindex figures a build child reports, as the results define them. */
type ReindexFigures = Pick<
  SideResult,
  | 'fullReindexMs'
  | 'fullReindexBlockMs'
  | 'incrementalMs'
  | 'incrementalFirstMs'
  | 'incrementalRuns'
  | 'incrementalBlockMs'
  | 'incrementalMode'
  | 'incrementalApplyMs'
  | 'incrementalSaveMs'
>;

export interface BuildOutcome extends ChildCommon, ReindexFigures {
  passages: number;
  documents: number;
  skipped: number;
  /** Ours: maxRSS before the breakdown's rebuild aside (a second index beside the serving one). */
  peakRssBeforeBreakdownMB?: number;
  diskBytes: number;
  queries: QueryTiming;
  breakdown?: Record<string, number>;
}

export interface LoadOutcome extends ChildCommon {
  passages: number;
  loadMs: number;
  loadBlockMs: number;
  rssAfterLoadMB: number;
  firstAnswerMs?: number;
  firstQueries?: LatencySummary;
  loadSyncMs?: number;
  loadSyncBlockMs?: number;
  rollbackMs?: number;
  rollbackBlockMs?: number;
  /** The rollback child's maxRSS: the loaded index and the previous one beside it. */
  peakRssRollbackMB?: number;
}

export type ChildOutcome = BuildOutcome | LoadOutcome;

export type ChildMessage = { ok: true; outcome: ChildOutcome } | { ok: false; error: string };
