import type { RolledBack } from '../indexStore/indexPointer.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';
import { type Log, silentLog } from '../log/log.js';
import type { SearchState } from '../search/searchState.js';
import { warmUpLexicons } from '../text/lexicons.js';
import { EveryDocumentGoneError, ReindexBusyError, ReindexPausedError } from './errors.js';
import { GenerationSync } from './generationSync.js';
import type { IndexChangeListener } from './indexChange.js';
import { fileCoordination, type IndexCoordination } from './indexCoordination.js';
import type { Fence } from './indexLock.js';
import { KnowledgeReader } from './knowledgeReader.js';
import type { HeapRoom } from './rebuildRoom.js';
import { logReindexFinished, logReindexRefused } from './reindexLog.js';
import type { ReindexReport } from './reindexReport.js';
import type { RollbackReport } from './rollbackReport.js';
import { type ReindexOptions, runReindex } from './runReindex.js';
import { ServedIndex } from './servedIndex.js';
import { type EngineActivity, WriterQueue } from './writerQueue.js';

export type { IndexChange } from './indexChange.js';
export type { ReindexOptions } from './runReindex.js';
export type { EngineActivity } from './writerQueue.js';

export interface EngineOptions {
  knowledgeDir: string;
  dataDir: string;
  logger?: Log;
  /** Keep the index in memory only (tests, eval, bench). */
  persist?: boolean;
  /** Bring the loaded index up to date with the knowledge folder while opening (default true). */
  syncOnOpen?: boolean;
  /** Called once after each reindex, rollback or switch to another process's save that changed documents. */
  onIndexChanged?: IndexChangeListener;
  /**
   * How writers take turns and tell each other of a new generation: DATA_DIR's lock file by default;
   * a PostgreSQL advisory lock and NOTIFY across replicas (pgIndexCoordination).
   */
  coordination?: IndexCoordination;
  /** Called after each reindex that ran (metrics: its duration). */
  onReindexed?: (report: ReindexReport) => void;
  /** Test hook: called as a patch applies each document; a throw stands for a bug met half-way. */
  onPatchApply?: (documentId: string) => void;
  /** Test hook: the heap's use and limit, which decide whether a full rebuild fits (rebuildRoom.ts). */
  heap?: () => HeapRoom;
}

/**
 * The search engine as a long-lived object: `knowledge` answers from one in-memory index, which is
 * replaced only when a new one is complete. One reindex (or rollback) runs at a time, across
 * processes too: writing the saved index takes DATA_DIR's index lock.
 */
export class Engine {
  private readonly served = new ServedIndex();
  private readonly sync: GenerationSync;
  private readonly writer = new WriterQueue<ReindexReport>();
  private readonly logger: Log;
  /** Why the start-up sync could not read the knowledge folder (null once it did, or if it never failed). */
  private folderProblem: string | null = null;
  /** The read side: what commands ask of the knowledge. */
  readonly knowledge = new KnowledgeReader(this.served);

  readonly #coordination: IndexCoordination;

  private constructor(private readonly options: EngineOptions) {
    this.logger = options.logger ?? silentLog;
    this.#coordination = options.coordination ?? fileCoordination(options.dataDir, this.logger);
    this.sync = new GenerationSync(this.served, {
      dataDir: options.dataDir,
      persist: options.persist !== false,
      logger: this.logger,
      onIndexChanged: options.onIndexChanged,
    });
  }

  /** Loads the saved index (or builds one), then brings it up to date with the knowledge folder. */
  static async open(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    if (options.persist !== false) await engine.sync.loadSaved();
    if (options.syncOnOpen !== false) await engine.syncOnOpen();
    await warmUpLexicons();
    return engine;
  }

  private async syncOnOpen(): Promise<void> {
    try {
      await this.reindex({ automatic: true });
    } catch (error) {
      if (error instanceof ReindexPausedError)
        return this.logger.warn(
          { rolledBack: this.rolledBack },
          'serving a rolled-back index; automatic reindexing is paused until a moderator reindexes',
        );
      // reindex() logged what to do; the saved index serves meanwhile.
      if (error instanceof EveryDocumentGoneError) return;
      // Without a saved index there is nothing to serve: the caller says what is wrong.
      if (error instanceof KnowledgeFolderError && this.savedGeneration !== null) {
        this.folderProblem = error.message;
        this.logger.warn(
          { reason: error.message, generation: this.savedGeneration },
          'knowledge folder unavailable; serving the saved index until it is back',
        );
        return;
      }
      if (!(error instanceof ReindexBusyError)) throw error;
      this.logger.warn(
        { reason: error.message },
        'not reindexing at start: another process is; serving the saved index',
      );
    }
  }

  /** The saved generation the served index was loaded from or saved as; null when none was. */
  get savedGeneration(): string | null {
    return this.sync.savedGeneration;
  }

  /** The index being served (command-line tools and tests; commands read through `knowledge`). */
  get current(): SearchState {
    return this.served.state;
  }

  /** Resolves once no reindex, rollback or save runs (a command-line tool waits before it exits). */
  settled(): Promise<void> {
    return this.writer.settled();
  }

  /** What is running now (a reindex, a rollback, or a switch to an index saved elsewhere), if anything. */
  get activity(): EngineActivity | null {
    return this.writer.activity;
  }

  /**
   * Set when the knowledge folder could not be read at start-up and the saved index serves instead:
   * the index has not been brought up to date with the folder since. Cleared by the next reindex.
   */
  get knowledgeUnavailable(): string | null {
    return this.folderProblem;
  }

  /** Set while a rolled-back index serves: automatic reindexes (start-up, watch) wait for a moderator's. */
  get rolledBack(): RolledBack | null {
    return this.sync.rolledBack;
  }

  /** Brings the index up to date; rejects with ReindexBusyError while another reindex runs. */
  reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
    const { knowledgeDir, onPatchApply, heap } = this.options;
    const { served, sync, logger } = this;
    const context = { knowledgeDir, served, sync, logger, onPatchApply, heap };
    // Reported once the lock is released, so whoever has the report may reindex again at once; but
    // when a full save came due, the report comes as soon as the index serves and its delta is saved,
    // and the full save goes on holding the lock (a writer asked for meanwhile runs after it).
    let reportEarly: (report: ReindexReport) => void = () => {};
    const early = new Promise<ReindexReport>((resolve) => {
      reportEarly = resolve;
    });
    const done = this.locked('reindex', async (fence) => {
      const report = await runReindex(context, options, fence);
      if (this.sync.fullSaveDue) {
        reportEarly(report);
        this.writer.finishing();
        if (await this.sync.saveInFull(fence)) this.#announce();
      }
      return report;
    });
    done.catch((error: unknown) => logReindexRefused(this.logger, error));
    return Promise.race([early, done]).then((report) => {
      this.folderProblem = null;
      logReindexFinished(this.logger, report);
      this.options.onReindexed?.(report);
      if (report.saved && report.mode !== 'unchanged') this.#announce();
      return report;
    });
  }

  /**
   * Reindexes once the running reindex (if any) is done, for a change made to the folder meanwhile
   * that the running one may have missed. Callers arriving during the wait share one reindex.
   */
  reindexSoon(options: Pick<ReindexOptions, 'automatic'> = {}): Promise<ReindexReport> {
    // The queued reindex is automatic only if every caller sharing it is: a moderator's change must run.
    return this.writer.runNext(options.automatic === true, (automatic) => this.reindex({ automatic }));
  }

  /**
   * Serves the previous saved index again and makes it current; the one it replaces becomes the
   * previous, so a second rollback undoes the first. Automatic reindexes pause until a moderator's.
   */
  rollback(): Promise<RollbackReport> {
    const refusal = this.sync.rollbackRefusal();
    if (refusal) return Promise.reject(refusal);
    return this.locked('rollback', (fence) => this.sync.rollback(fence)).then((report) => {
      const counts = {
        added: report.added.length,
        removed: report.removed.length,
        changed: report.changed.length,
      };
      this.logger.info({ ...report, ...counts }, 'rolled back');
      this.#announce();
      return report;
    });
  }

  /**
   * Serves the generation another process made current (a command-line reindex or rollback).
   * True when it switched; a generation that cannot be read is reported once and not tried again.
   */
  async followSaved(): Promise<boolean> {
    if (this.writer.busy) return false;
    const pointer = await this.sync.newSavedPointer();
    // Checked again after the read: a reindex may have started meanwhile.
    if (!pointer || this.writer.busy) return false;
    return this.writer.run('reload', () => this.sync.adoptSaved(pointer));
  }

  /** A writer's run, holding the writer lock (DATA_DIR's, or the replicas') when the index is saved. */
  private locked<T>(purpose: 'reindex' | 'rollback', work: (fence: Fence) => Promise<T>): Promise<T> {
    return this.writer.run(purpose, () =>
      this.sync.saving ? this.#coordination.withWriterLock(purpose, work) : work(async () => {}),
    );
  }

  /** Tells the other processes on this index that a new generation is current; a failure only delays them. */
  #announce(): void {
    if (!this.sync.saving) return;
    this.#coordination
      .announce(this.savedGeneration)
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'could not announce the new index; the others find it by polling'),
      );
  }
}
