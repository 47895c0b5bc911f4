import { KnowledgeFolderError } from '../knowledge/knowledgeFolderError.js';
import { loadAliasGroups } from '../knowledge/loadAliases.js';
import { scanKnowledge } from '../knowledge/loadKnowledge.js';
import { type AnswerOptions, answerQuery } from '../search/answerQuery.js';
import {
  addPrepared,
  applyRemoval,
  emptySearchState,
  type PreparedDocument,
  type PreparedRemoval,
  prepareDocument,
  prepareRemoval,
  type SearchState,
} from '../search/searchState.js';
import {
  type CurrentPointer,
  type DeltaBase,
  IndexLoadError,
  loadCurrentIndex,
  loadGeneration,
  PointerUnreadableError,
  type RolledBack,
  readPointer,
  rolledBackPointer,
  type SavedIndex,
  saveIndex,
  writePointer,
} from '../store/generationStore.js';
import { aliasTableFor } from '../text/aliasTable.js';
import { warmUpLexicons } from '../text/lexicons.js';
import type { Answer, SkippedDocument } from '../types.js';
import { crashPoint } from '../util/crashPoint.js';
import { sliced, TimeSlicer } from '../util/yieldToEventLoop.js';
import { buildState, type Fingerprints, segment } from './buildState.js';
import { diffKnowledge, isEmptyDiff, type KnowledgeDiff } from './diffKnowledge.js';
import { EVERY_DOCUMENT_GONE_ADVICE, EveryDocumentGoneError } from './everyDocumentGoneError.js';
import { knownFiles, refreshFingerprints } from './fingerprints.js';
import { type Fence, withIndexLock } from './indexLock.js';
import { ReindexBusyError } from './reindexBusyError.js';
import { LISTED_NAMES, type ReindexReport, reportLogFields } from './reindexReport.js';
import {
  documentChanges,
  ReindexPausedError,
  RollbackError,
  type RollbackReport,
  summarize,
} from './rollbackReport.js';

export { ReindexBusyError } from './reindexBusyError.js';

export interface EngineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silent: EngineLogger = { info() {}, warn() {}, error() {} };

export interface EngineOptions {
  knowledgeDir: string;
  dataDir: string;
  logger?: EngineLogger;
  /** Keep the index in memory only (tests, eval, bench). */
  persist?: boolean;
  /** Bring the loaded index up to date with the knowledge folder while opening (default true). */
  syncOnOpen?: boolean;
  /** Test hook: called as a patch applies each document; a throw stands for a bug met half-way. */
  onPatchApply?: (documentId: string) => void;
  /**
   * Called after a reindex, rollback or adoption of another process's index that changed the
   * documents served; not awaited, and a failure is logged, never the caller's.
   */
  onIndexChanged?: (cause: EngineActivity) => void | Promise<void>;
}

export interface ReindexOptions {
  /** Rebuild every document instead of patching in the changed ones. */
  full?: boolean;
  /**
   * Not asked for by a moderator (start-up sync, watch mode, the folder coming back): refused while a
   * rolled-back index serves, and when it would remove every indexed document (EveryDocumentGoneError).
   */
  automatic?: boolean;
}

/** What the engine is busy with, for a moderator told to wait. */
export type EngineActivity = 'reindex' | 'rollback' | 'reload';

/** Above this share of changed documents a reindex rebuilds aside instead of patching in place. */
const INCREMENTAL_SHARE = 0.25;
/**
 * Passages (in and out) a patch applies in one synchronous step: about 60 ms of index updates on a
 * freshly loaded 100k index (the first change to a saved posting list copies it out of the file's buffer).
 */
const PATCH_AT_ONCE = 300;

/**
 * The search engine as a long-lived object: it serves queries from one in-memory index and
 * replaces that index only when a new one is complete. One reindex (or rollback) runs at a time,
 * across processes too: writing the saved index takes DATA_DIR's index lock.
 */
export class Engine {
  private state: SearchState = emptySearchState();
  private skippedDocs: SkippedDocument[] = [];
  /** The one reindex, rollback or reload in progress. */
  private running: { done: Promise<unknown>; activity: EngineActivity } | null = null;
  private followUp: Promise<ReindexReport> | null = null;
  private followUpAutomatic = false;
  /** The last full generation saved or loaded: what a delta save builds on. */
  private base: DeltaBase | null = null;
  /** The saved generation the served index matches (null when none). */
  private generation: string | null = null;
  /**
   * Whether `generation` answers exactly as the served index: what a patch that fails half-way is
   * undone to. False after a reindex that could not be saved.
   */
  private savedServes = false;
  private pin: RolledBack | null = null;
  /** A generation another process made current that could not be read: not tried again. */
  private unreadable: string | null = null;
  /**
   * Why DATA_DIR/current cannot be read (a folder in its place, say), while it cannot: nothing is
   * saved then, since no save could be made current, and the index serves from memory.
   */
  private pointerBroken: string | null = null;
  /** Why the start-up sync could not read the knowledge folder (null once it did, or if it never failed). */
  private folderProblem: string | null = null;
  private readonly logger: EngineLogger;

  private constructor(private readonly options: EngineOptions) {
    this.logger = options.logger ?? silent;
  }

  /** Loads the saved index (or builds one), then brings it up to date with the knowledge folder. */
  static async open(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    if (options.persist !== false) await engine.loadSaved();
    if (options.syncOnOpen !== false) await engine.syncOnOpen();
    await warmUpLexicons();
    return engine;
  }

  private warnPaused(): void {
    this.logger.warn(
      { rolledBack: this.pin },
      'serving a rolled-back index; automatic reindexing is paused until a moderator reindexes',
    );
  }

  private async syncOnOpen(): Promise<void> {
    try {
      await this.reindex({ automatic: true });
    } catch (error) {
      if (error instanceof ReindexPausedError) return this.warnPaused();
      // reindex() logged what to do; the saved index serves meanwhile.
      if (error instanceof EveryDocumentGoneError) return;
      // Without a saved index there is nothing to serve: the caller says what is wrong.
      if (error instanceof KnowledgeFolderError && this.generation !== null) {
        this.folderProblem = error.message;
        this.logger.warn(
          { reason: error.message, generation: this.generation },
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

  private indexChanged(cause: EngineActivity): void {
    const hook = this.options.onIndexChanged;
    if (!hook) return;
    const failed = (error: unknown) => this.logger.error({ err: error, cause }, 'onIndexChanged failed');
    try {
      Promise.resolve(hook(cause)).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  private adopt(saved: SavedIndex, pin: RolledBack | null): void {
    this.state = saved.state;
    this.skippedDocs = saved.skipped;
    this.base = saved.base;
    this.generation = saved.generation;
    this.savedServes = true;
    this.pin = pin;
  }

  private async loadSaved(): Promise<void> {
    const started = performance.now();
    try {
      const saved = await loadCurrentIndex(this.options.dataDir);
      if (!saved) return;
      this.adopt(saved, saved.rolledBack ?? null);
      const ms = Math.round(performance.now() - started);
      this.logger.info(
        { generation: saved.generation, passages: saved.state.passages.size, ms },
        'index loaded',
      );
    } catch (error) {
      if (error instanceof PointerUnreadableError) {
        this.pointerBroken = error.message;
        this.logger.warn(
          { reason: error.message },
          'saved index pointer unreadable; serving an index built in memory and saving nothing until it is fixed',
        );
        return;
      }
      if (!(error instanceof IndexLoadError)) throw error;
      this.logger.warn({ reason: error.message }, 'saved index unusable; rebuilding');
    }
  }

  /** Whether reindexes write the index to DATA_DIR (and so take its lock). */
  private get saving(): boolean {
    return this.options.persist !== false && this.pointerBroken === null;
  }

  /** The saved generation the served index was loaded from or saved as; null when none was. */
  get savedGeneration(): string | null {
    return this.generation;
  }

  get current(): SearchState {
    return this.state;
  }

  get skipped(): readonly SkippedDocument[] {
    return this.skippedDocs;
  }

  get isReindexing(): boolean {
    return this.running !== null;
  }

  /** What is running now (a reindex, a rollback, or a switch to an index saved elsewhere), if anything. */
  get activity(): EngineActivity | null {
    return this.running?.activity ?? null;
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
    return this.pin;
  }

  ask(query: string, options?: AnswerOptions): Answer {
    return answerQuery(this.state, query, options);
  }

  /** Brings the index up to date; rejects with ReindexBusyError while another reindex runs. */
  reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
    // Logged once the lock is released: whoever reads the line may reindex again at once.
    const done = this.locked('reindex', (fence) => this.runReindex(options, fence));
    done.catch((error: unknown) => {
      if (error instanceof EveryDocumentGoneError)
        this.logger.warn(
          { reason: error.message, indexed: error.indexed, todo: EVERY_DOCUMENT_GONE_ADVICE },
          'not reindexing: the knowledge folder holds none of the indexed documents; the index still serves',
        );
    });
    return done.then((report) => {
      this.folderProblem = null;
      this.logger.info(reportLogFields(report), 'reindex finished');
      if (report.mode !== 'unchanged') this.indexChanged('reindex');
      // One line however many: validate-knowledge lists each with its reason.
      if (report.skipped.length > 0)
        this.logger.warn(
          {
            count: report.skipped.length,
            files: report.skipped.slice(0, LISTED_NAMES).map((s) => s.file),
            reasons: 'npm run validate-knowledge lists each file with its reason',
          },
          'documents skipped',
        );
      return report;
    });
  }

  /**
   * Reindexes once the running reindex (if any) is done, for a change made to the folder meanwhile
   * that the running one may have missed. Callers arriving during the wait share one follow-up.
   */
  reindexSoon(options: Pick<ReindexOptions, 'automatic'> = {}): Promise<ReindexReport> {
    if (!this.running) return this.reindex(options);
    // The follow-up is automatic only if every caller sharing it is: a moderator's change must run.
    const automatic = options.automatic === true;
    this.followUpAutomatic = this.followUp ? this.followUpAutomatic && automatic : automatic;
    this.followUp ??= (async () => {
      while (this.running) await this.running.done.catch(() => {});
      this.followUp = null;
      return this.reindex({ automatic: this.followUpAutomatic });
    })();
    return this.followUp;
  }

  /**
   * Serves the previous saved index again and makes it current; the one it replaces becomes the
   * previous, so a second rollback undoes the first. Automatic reindexes pause until a moderator's.
   */
  rollback(): Promise<RollbackReport> {
    if (this.options.persist === false)
      return Promise.reject(new RollbackError('this engine keeps no saved index to go back to'));
    if (this.pointerBroken !== null) return Promise.reject(new RollbackError(this.pointerBroken));
    return this.locked('rollback', (fence) => this.runRollback(fence)).then((report) => {
      const counts = {
        added: report.added.length,
        removed: report.removed.length,
        changed: report.changed.length,
      };
      this.logger.info({ ...report, ...counts }, 'rolled back');
      if (counts.added + counts.removed + counts.changed > 0) this.indexChanged('rollback');
      return report;
    });
  }

  /**
   * Serves the generation another process made current (a command-line reindex or rollback).
   * True when it switched; a generation that cannot be read is reported once and not tried again.
   */
  async followSaved(): Promise<boolean> {
    if (this.options.persist === false || this.running) return false;
    if (this.pointerBroken !== null) {
      const fixed = await readPointer(this.options.dataDir).then(
        () => true,
        (error: unknown) => !(error instanceof PointerUnreadableError),
      );
      if (!fixed) return false;
      this.pointerBroken = null;
      this.logger.info({}, 'saved index pointer readable again; reindexes save again');
    }
    const pointer = await readPointer(this.options.dataDir).catch(() => null);
    // Checked again after the read: a reindex may have started meanwhile.
    if (!pointer || this.running || !this.isNewSaved(pointer)) return false;
    return this.exclusive('reload', () => this.adoptSaved(pointer));
  }

  private isNewSaved(pointer: CurrentPointer): boolean {
    return pointer.generation !== this.generation && pointer.generation !== this.unreadable;
  }

  /** Loads and serves the generation `pointer` names; false (logged once) when it cannot be read. */
  private async adoptSaved(pointer: CurrentPointer): Promise<boolean> {
    try {
      const saved = await loadGeneration(this.options.dataDir, pointer.generation);
      const before = this.state;
      this.adopt(saved, pointer.rolledBack ?? null);
      const { added, removed, changed } = documentChanges(before, saved.state);
      if (added.length + removed.length + changed.length > 0) this.indexChanged('reload');
      this.logger.info(
        { generation: saved.generation, passages: saved.state.passages.size, rolledBack: pointer.rolledBack },
        'index saved by another process now serves',
      );
      return true;
    } catch (error) {
      this.unreadable = pointer.generation;
      this.logger.warn({ reason: (error as Error).message }, 'index saved by another process is unreadable');
      return false;
    }
  }

  /** Under the lock: another process may have saved (or rolled back) since this one last looked. */
  private async catchUpWithSaved(): Promise<void> {
    if (!this.saving) return;
    const pointer = await readPointer(this.options.dataDir).catch(() => null);
    if (pointer && this.isNewSaved(pointer)) await this.adoptSaved(pointer);
  }

  /** Runs `work` as the one thing this engine is busy with; rejects with ReindexBusyError meanwhile. */
  private exclusive<T>(activity: EngineActivity, work: () => Promise<T>): Promise<T> {
    if (this.running) return Promise.reject(new ReindexBusyError());
    const done = Promise.resolve()
      .then(work)
      .finally(() => {
        this.running = null;
      });
    this.running = { done, activity };
    return done;
  }

  /** exclusive(), holding DATA_DIR's index lock when the index is saved. */
  private locked<T>(purpose: 'reindex' | 'rollback', work: (fence: Fence) => Promise<T>): Promise<T> {
    return this.exclusive(purpose, () =>
      this.saving ? withIndexLock(this.options.dataDir, purpose, this.logger, work) : work(async () => {}),
    );
  }

  private async runRollback(fence: Fence): Promise<RollbackReport> {
    const started = performance.now();
    const dataDir = this.options.dataDir;
    await this.catchUpWithSaved();
    let pointer: CurrentPointer | null;
    try {
      pointer = await readPointer(dataDir);
    } catch (error) {
      if (!(error instanceof IndexLoadError)) throw error;
      throw new RollbackError(`the saved index pointer is unusable (${error.message})`);
    }
    const next = pointer && rolledBackPointer(pointer, new Date());
    if (!pointer || !next) throw new RollbackError('there is no previous index to go back to');
    let saved: SavedIndex;
    try {
      saved = await loadGeneration(dataDir, next.generation);
    } catch (error) {
      if (!(error instanceof IndexLoadError)) throw error;
      throw new RollbackError(`the previous index cannot be read (${error.message})`);
    }
    crashPoint('rollback:before-pointer');
    await fence();
    await writePointer(dataDir, next);
    const before = this.state;
    this.adopt(saved, next.rolledBack ?? null);
    const report: RollbackReport = {
      from: summarize(pointer.generation, before),
      to: summarize(next.generation, saved.state),
      ...documentChanges(before, saved.state),
      ms: Math.round(performance.now() - started),
    };
    return report;
  }

  private async runReindex(options: ReindexOptions, fence: Fence): Promise<ReindexReport> {
    const started = performance.now();
    await this.catchUpWithSaved();
    if (options.automatic && this.pin) throw new ReindexPausedError(this.pin);
    const wasPinned = this.pin !== null;
    const full = options.full ?? false;
    const before = this.state;
    const passagesBefore = before.passages.size;
    const dir = this.options.knowledgeDir;
    const { groups: aliasGroups, problems: aliasProblems } = await loadAliasGroups(dir);
    const aliases = aliasTableFor(aliasGroups);
    const aliasesChanged = aliases.signature !== before.aliases.signature;
    const rebuildAll = full || aliasesChanged || before.documents.size === 0;
    // Files whose size and timestamps match the index are not read again.
    let scan = await scanKnowledge(dir, rebuildAll ? {} : { known: knownFiles(before) });
    let diff = diffKnowledge(before.documents, scan);
    const touched = diff.added.length + diff.changed.length + diff.removed.length;
    // A patch changes the served index in place; without a saved copy of it to go back to, a patch
    // that failed half-way could not be undone, so the change is built aside instead.
    const undoable = this.saving && this.generation !== null && this.savedServes;
    const rebuild = rebuildAll || !undoable || touched > before.documents.size * INCREMENTAL_SHARE;
    if (rebuild && scan.unchanged.length > 0) {
      scan = await scanKnowledge(dir);
      diff = diffKnowledge(before.documents, scan);
    }
    // An empty folder (a missing bind mount) must not wipe the index unasked: only a moderator may.
    const removesEvery = before.documents.size > 0 && diff.removed.length === before.documents.size;
    if (removesEvery && options.automatic) throw new EveryDocumentGoneError(before.documents.size, dir);
    const skipped = [...scan.skipped, ...aliasProblems];
    const skippedChanged = JSON.stringify(skipped) !== JSON.stringify(this.skippedDocs);

    let mode: ReindexReport['mode'] = 'unchanged';
    if (rebuild && (full || aliasesChanged || !isEmptyDiff(diff))) {
      const next = await buildState(
        scan.documents,
        aliases,
        aliasGroups,
        scan.fingerprints,
        before.documents,
      );
      this.state = next;
      mode = 'full';
    } else if (!isEmptyDiff(diff)) {
      await this.patch(diff, scan.fingerprints);
      mode = 'incremental';
    }
    if (mode !== 'unchanged') this.savedServes = false;
    const fingerprintsChanged = refreshFingerprints(this.state, diff.unchanged, scan.fingerprints);
    this.skippedDocs = skipped;
    const applyMs = Math.round(performance.now() - started);

    const report: ReindexReport = {
      mode,
      added: diff.added.map((d) => d.id),
      changed: diff.changed.map((d) => d.id),
      removed: diff.removed,
      skipped,
      documents: this.state.documents.size,
      passagesBefore,
      passagesAfter: this.state.passages.size,
      ms: 0,
      applyMs,
      saveMs: 0,
      saved: true,
    };
    if (removesEvery) report.removedEvery = true;
    // Saving also ends a rollback's pause: this reindex was asked for.
    const worthSaving = mode !== 'unchanged' || skippedChanged || fingerprintsChanged || this.pin !== null;
    if (this.pointerBroken !== null && worthSaving) {
      report.saved = false;
      report.saveError = this.pointerBroken;
    } else if (this.saving && worthSaving) {
      crashPoint('reindex:applied');
      await this.save(report, fence);
    }
    if (wasPinned && this.pin === null) report.endedRollback = true;
    report.ms = Math.round(performance.now() - started);
    return report;
  }

  /**
   * Analyses in time slices first, then applies the change in one synchronous step, so no query sees
   * half of it. A change too large for one step (it would block the event loop) is applied a
   * document at a time: a query may then see some documents updated and others not yet, never half
   * a document. If applying fails part-way, the saved generation the index matched serves again
   * before the lock is released.
   */
  private async patch(diff: KnowledgeDiff, fingerprints: Fingerprints): Promise<void> {
    const restorePoint = this.generation;
    try {
      await this.applyPatch(diff, fingerprints);
    } catch (error) {
      if (restorePoint === null) throw error;
      const message = (error as Error).message;
      try {
        this.adopt(await loadGeneration(this.options.dataDir, restorePoint), this.pin);
      } catch (restoreError) {
        this.logger.error(
          { err: restoreError, cause: message },
          'a patch failed half-way and the saved index could not be loaded back; serving the half-applied index',
        );
        throw error;
      }
      throw new Error(`applying the change failed (${message}); the index as it was serves again`, {
        cause: error,
      });
    }
  }

  private async applyPatch(diff: KnowledgeDiff, fingerprints: Fingerprints): Promise<void> {
    const slicer = new TimeSlicer();
    const state = this.state;
    const removals: PreparedRemoval[] = [];
    for (const id of [...diff.removed, ...diff.changed.map((d) => d.id)]) {
      const removal = await sliced(prepareRemoval(state, id), slicer);
      if (removal) removals.push(removal);
    }
    const incoming: PreparedDocument[] = [];
    const now = new Date().toISOString();
    for (const doc of [...diff.changed, ...diff.added]) {
      const addedAt = state.documents.get(doc.id)?.addedAt ?? now;
      const { document, passages } = segment(doc, fingerprints, addedAt);
      incoming.push(await sliced(prepareDocument(document, passages, state.aliases), slicer));
    }
    const added = incoming.flatMap((p) => p.passages.map(({ fields }) => fields));
    await sliced(state.mini.reserveRoom(added), slicer);
    const work = [...removals, ...incoming].reduce((n, r) => n + r.passages.length, 0);
    const atOnce = work <= PATCH_AT_ONCE;
    const byId = new Map(incoming.map((p) => [p.document.id, p]));
    const applied = this.options.onPatchApply ?? (() => {});
    for (const removal of removals) {
      applyRemoval(state, removal);
      applied(removal.documentId);
      const replacement = byId.get(removal.documentId);
      if (replacement) {
        addPrepared(state, replacement);
        byId.delete(removal.documentId);
      }
      if (!atOnce) await slicer.maybeYield();
    }
    for (const prepared of byId.values()) {
      addPrepared(state, prepared);
      applied(prepared.document.id);
      if (!atOnce) await slicer.maybeYield();
    }
    state.builtAt = new Date().toISOString();
  }

  /** A full rebuild is saved whole; a patch as a delta on the last full save while that stays small. */
  private async save(report: ReindexReport, fence: Fence): Promise<void> {
    const started = performance.now();
    try {
      const base = report.mode === 'full' ? null : this.base;
      const saved = await saveIndex(this.options.dataDir, this.state, this.skippedDocs, base, fence);
      this.base = saved.base;
      this.generation = saved.generation;
      this.savedServes = true;
      this.pin = null;
      report.savedAs = saved.kind;
    } catch (error) {
      report.saved = false;
      report.saveError = (error as Error).message;
      this.logger.error({ err: error }, 'index not saved; serving the new index from memory');
    }
    report.saveMs = Math.round(performance.now() - started);
  }
}
