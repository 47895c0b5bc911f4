import type { DeltaBase } from '../indexStore/deltaPolicy.js';
import { PointerUnreadableError } from '../indexStore/errors.js';
import {
  type CurrentPointer,
  type RolledBack,
  readPointer,
  writePointer,
} from '../indexStore/indexPointer.js';
import { loadGeneration, type SavedIndex } from '../indexStore/loadGeneration.js';
import { saveIndex } from '../indexStore/saveGeneration.js';
import type { Log } from '../log/log.js';
import { crashPoint } from '../util/crashPoint.js';
import { RollbackError } from './errors.js';
import { announceChange, type IndexChange, type IndexChangeListener } from './indexChange.js';
import type { Fence } from './indexLock.js';
import { loadAtStart } from './loadAtStart.js';
import { loadPreviousGeneration } from './previousGeneration.js';
import type { ReindexReport } from './reindexReport.js';
import { documentChanges, type RollbackReport, summarize } from './rollbackReport.js';
import type { ServedIndex } from './servedIndex.js';

export interface GenerationSyncOptions {
  dataDir: string;
  /** False: the index lives in memory only (tests, eval, bench). */
  persist: boolean;
  logger: Log;
  onIndexChanged?: IndexChangeListener | undefined;
}

/**
 * Keeps the served index and the saved generations in step: loads the current one, saves a new
 * one (whole or as a delta), serves a saved one again (a rollback, a patch undone), and switches to
 * one another process made current. Each switch that changes documents is announced once.
 */
export class GenerationSync {
  /** The last full generation saved or loaded: what a delta save builds on. */
  private base: DeltaBase | null = null;
  /** The saved generation the served index matches (null when none). */
  private generation: string | null = null;
  /** Whether `generation` answers exactly as the served index (false after a change not saved). */
  private savedServes = false;
  private rolledBackNow: RolledBack | null = null;
  /** The last save was a delta past its limit: a full save should follow (saveInFull). */
  private fullSaveDueNow = false;
  /** A generation another process made current that could not be read: not tried again. */
  private unreadable: string | null = null;
  /** Why DATA_DIR/current cannot be read (a folder in its place, say): nothing is saved meanwhile. */
  private pointerBroken: string | null = null;

  constructor(
    private readonly served: ServedIndex,
    private readonly options: GenerationSyncOptions,
  ) {}

  /** Whether reindexes write the index to DATA_DIR (and so take its lock). */
  get saving(): boolean {
    return this.options.persist && this.pointerBroken === null;
  }

  get savedGeneration(): string | null {
    return this.generation;
  }

  /** Set while a rolled-back index serves: automatic reindexes wait for a moderator's. */
  get rolledBack(): RolledBack | null {
    return this.rolledBackNow;
  }

  /** Whether a patch that fails half-way can be undone: a saved copy of the served index exists. */
  get canPatch(): boolean {
    return this.saving && this.generation !== null && this.savedServes;
  }

  /** The served index was changed in memory: no saved generation matches it until the next save. */
  markUnsaved(): void {
    this.savedServes = false;
  }

  /** Tells the onIndexChanged listener which documents the served index gained, changed or lost. */
  announce({ added, changed, removed }: Omit<IndexChange, 'generation'>): void {
    const generation = this.savedServes ? this.generation : null;
    announceChange(this.options.onIndexChanged, { added, changed, removed, generation }, this.options.logger);
  }

  private adopt(saved: SavedIndex, rolledBack: RolledBack | null): void {
    this.served.serve(saved.state, saved.skipped);
    this.base = saved.base;
    this.generation = saved.generation;
    this.savedServes = true;
    this.rolledBackNow = rolledBack;
    this.fullSaveDueNow = false;
  }

  /** At start-up: serves the saved index, if one can be read (else the caller builds one). */
  async loadSaved(): Promise<void> {
    const { saved, pointerBroken } = await loadAtStart(this.options.dataDir, this.options.logger);
    this.pointerBroken = pointerBroken;
    if (saved) this.adopt(saved, saved.rolledBack ?? null);
  }

  /**
   * Saves the served index and makes it current (which ends a rollback's pause): whole after a full
   * rebuild, else as a delta on the last full save while that stays small. Notes the outcome in
   * `report`; a failed save leaves the new index serving from memory.
   */
  async save(report: ReindexReport, fence: Fence): Promise<void> {
    if (this.pointerBroken !== null) {
      report.saved = false;
      report.saveError = this.pointerBroken;
      return;
    }
    if (!this.saving) return;
    crashPoint('reindex:applied');
    const started = performance.now();
    try {
      const base = report.mode === 'full' ? null : this.base;
      const { state, skipped } = this.served;
      const saved = await saveIndex(this.options.dataDir, state, skipped, base, fence);
      this.base = saved.base;
      this.generation = saved.generation;
      this.savedServes = true;
      this.rolledBackNow = null;
      this.fullSaveDueNow = saved.fullSaveDue;
      report.savedAs = saved.kind;
    } catch (error) {
      report.saved = false;
      report.saveError = (error as Error).message;
      this.options.logger.error({ err: error }, 'index not saved; serving the new index from memory');
    }
    report.saveMs = Math.round(performance.now() - started);
  }

  get fullSaveDue(): boolean {
    return this.fullSaveDueNow && this.savedServes && this.saving;
  }

  /**
   * Under the index lock, right after a save left a full one due: the served index saved whole in
   * place of the current generation (the same index, so the previous one stays what a rollback goes
   * back to), to be the base of later deltas. False when it failed (logged; the delta serves on).
   */
  async saveInFull(fence: Fence): Promise<boolean> {
    if (!this.fullSaveDue) return false;
    const started = performance.now();
    try {
      const { state, skipped } = this.served;
      const saved = await saveIndex(this.options.dataDir, state, skipped, null, fence, {
        inPlaceOfCurrent: true,
      });
      this.base = saved.base;
      this.generation = saved.generation;
      this.fullSaveDueNow = false;
      this.options.logger.info(
        { generation: saved.generation, ms: Math.round(performance.now() - started) },
        'index saved in full after the reindex',
      );
      return true;
    } catch (error) {
      this.options.logger.error({ err: error }, 'the full save after the reindex failed; its delta serves');
      return false;
    }
  }

  /** Serves `generation` again as saved (a patch failed half-way through the served index). */
  async restore(generation: string): Promise<void> {
    this.adopt(
      await loadGeneration(this.options.dataDir, generation, this.served.state.passages),
      this.rolledBackNow,
    );
  }

  /** Why a rollback cannot even be tried, or null. */
  rollbackRefusal(): RollbackError | null {
    if (!this.options.persist) return new RollbackError('this engine keeps no saved index to go back to');
    if (this.pointerBroken !== null) return new RollbackError(this.pointerBroken);
    return null;
  }

  /** Under the index lock: serves the previous saved generation and makes it current. */
  async rollback(fence: Fence): Promise<RollbackReport> {
    const started = performance.now();
    await this.catchUp();
    const { pointer, next, saved } = await loadPreviousGeneration(
      this.options.dataDir,
      new Date(),
      this.served.state.passages,
    );
    crashPoint('rollback:before-pointer');
    await fence();
    await writePointer(this.options.dataDir, next);
    const before = this.served.state;
    this.adopt(saved, next.rolledBack ?? null);
    const changes = documentChanges(before, saved.state);
    this.announce(changes);
    return {
      from: summarize(pointer.generation, before),
      to: summarize(next.generation, saved.state),
      ...changes,
      ms: Math.round(performance.now() - started),
    };
  }

  /**
   * The pointer of a generation another process made current since this one last looked (null when
   * there is none). A pointer that was unreadable and is readable again lets saves resume.
   */
  async newSavedPointer(): Promise<CurrentPointer | null> {
    if (!this.options.persist) return null;
    let pointer: CurrentPointer | null = null;
    try {
      pointer = await readPointer(this.options.dataDir);
    } catch (error) {
      if (error instanceof PointerUnreadableError) return null;
    }
    if (this.pointerBroken !== null) {
      this.pointerBroken = null;
      this.options.logger.info({}, 'saved index pointer readable again; reindexes save again');
    }
    return pointer && this.isNewSaved(pointer) ? pointer : null;
  }

  private isNewSaved(pointer: CurrentPointer): boolean {
    return pointer.generation !== this.generation && pointer.generation !== this.unreadable;
  }

  /** Loads and serves the generation `pointer` names; false (logged once) when it cannot be read. */
  async adoptSaved(pointer: CurrentPointer): Promise<boolean> {
    try {
      const saved = await loadGeneration(
        this.options.dataDir,
        pointer.generation,
        this.served.state.passages,
      );
      const before = this.served.state;
      this.adopt(saved, pointer.rolledBack ?? null);
      this.options.logger.info(
        { generation: saved.generation, passages: saved.state.passages.size, rolledBack: pointer.rolledBack },
        'index saved by another process now serves',
      );
      this.announce(documentChanges(before, saved.state));
      return true;
    } catch (error) {
      this.unreadable = pointer.generation;
      this.options.logger.warn(
        { reason: (error as Error).message },
        'index saved by another process is unreadable',
      );
      return false;
    }
  }

  /** Under the lock: another process may have saved (or rolled back) since this one last looked. */
  async catchUp(): Promise<void> {
    if (!this.saving) return;
    const pointer = await this.newSavedPointer();
    if (pointer) await this.adoptSaved(pointer);
  }
}
