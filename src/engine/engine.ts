import { loadAliasGroups } from '../knowledge/loadAliases.js';
import { loadKnowledge } from '../knowledge/loadKnowledge.js';
import { type AnswerOptions, answerQuery } from '../search/answerQuery.js';
import { addDocument, emptySearchState, removeDocument, type SearchState } from '../search/searchState.js';
import { IndexLoadError, loadCurrentIndex, saveIndex } from '../store/generationStore.js';
import { aliasTableFor } from '../text/aliasTable.js';
import type { Answer, SkippedDocument } from '../types.js';
import { buildState, segment } from './buildState.js';
import { diffKnowledge, isEmptyDiff, type KnowledgeDiff } from './diffKnowledge.js';
import type { ReindexReport } from './reindexReport.js';

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
}

export class ReindexBusyError extends Error {
  constructor() {
    super('a reindex is already running');
  }
}

/** Above this share of changed documents a reindex rebuilds aside instead of patching in place. */
const INCREMENTAL_SHARE = 0.25;

/**
 * The search engine as a long-lived object: it serves queries from one in-memory index and
 * replaces that index only when a new one is complete. One reindex runs at a time.
 */
export class Engine {
  private state: SearchState = emptySearchState();
  private skippedDocs: SkippedDocument[] = [];
  private running: Promise<ReindexReport> | null = null;
  private readonly logger: EngineLogger;

  private constructor(private readonly options: EngineOptions) {
    this.logger = options.logger ?? silent;
  }

  /** Loads the saved index (or builds one), then brings it up to date with the knowledge folder. */
  static async open(options: EngineOptions): Promise<Engine> {
    const engine = new Engine(options);
    if (options.persist !== false) await engine.loadSaved();
    if (options.syncOnOpen !== false) await engine.reindex();
    return engine;
  }

  private async loadSaved(): Promise<void> {
    const started = performance.now();
    try {
      const saved = await loadCurrentIndex(this.options.dataDir);
      if (!saved) return;
      this.state = saved.state;
      this.skippedDocs = saved.skipped;
      const ms = Math.round(performance.now() - started);
      this.logger.info(
        { generation: saved.generation, passages: saved.state.passages.size, ms },
        'index loaded',
      );
    } catch (error) {
      if (!(error instanceof IndexLoadError)) throw error;
      this.logger.warn({ reason: error.message }, 'saved index unusable; rebuilding');
    }
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

  ask(query: string, options?: AnswerOptions): Answer {
    return answerQuery(this.state, query, options);
  }

  /** Brings the index up to date; rejects with ReindexBusyError while another reindex runs. */
  reindex(options: { full?: boolean } = {}): Promise<ReindexReport> {
    if (this.running) return Promise.reject(new ReindexBusyError());
    this.running = this.runReindex(options.full ?? false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runReindex(full: boolean): Promise<ReindexReport> {
    const started = performance.now();
    const before = this.state;
    const passagesBefore = before.passages.size;
    const { documents, skipped: skippedDocuments } = await loadKnowledge(this.options.knowledgeDir);
    const { groups: aliasGroups, problems: aliasProblems } = await loadAliasGroups(this.options.knowledgeDir);
    const skipped = [...skippedDocuments, ...aliasProblems];
    const aliases = aliasTableFor(aliasGroups);
    const aliasesChanged = aliases.signature !== before.aliases.signature;
    const diff = diffKnowledge(before.documents, documents);
    const touched = diff.added.length + diff.changed.length + diff.removed.length;
    const rebuild =
      full ||
      aliasesChanged ||
      before.documents.size === 0 ||
      touched > before.documents.size * INCREMENTAL_SHARE;
    const skippedChanged = JSON.stringify(skipped) !== JSON.stringify(this.skippedDocs);

    let mode: ReindexReport['mode'] = 'unchanged';
    if (rebuild && (full || aliasesChanged || !isEmptyDiff(diff))) {
      const next = await buildState(documents, aliases, aliasGroups);
      this.state = next;
      mode = 'full';
    } else if (!isEmptyDiff(diff)) {
      this.patch(diff);
      mode = 'incremental';
    }
    this.skippedDocs = skipped;

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
      saved: true,
    };
    if (this.options.persist !== false && (mode !== 'unchanged' || skippedChanged)) await this.save(report);
    report.ms = Math.round(performance.now() - started);
    this.logger.info({ ...report, skipped: skipped.length }, 'reindex finished');
    for (const s of skipped) this.logger.warn({ file: s.file, reason: s.reason }, 'document skipped');
    return report;
  }

  /** Segments first, then applies every change in one synchronous step, so no query sees half of it. */
  private patch(diff: KnowledgeDiff): void {
    const incoming = [...diff.changed, ...diff.added].map(segment);
    const state = this.state;
    for (const id of [...diff.removed, ...diff.changed.map((d) => d.id)]) removeDocument(state, id);
    for (const { document, passages } of incoming) addDocument(state, document, passages);
    state.builtAt = new Date().toISOString();
  }

  private async save(report: ReindexReport): Promise<void> {
    try {
      await saveIndex(this.options.dataDir, this.state, this.skippedDocs);
    } catch (error) {
      report.saved = false;
      report.saveError = (error as Error).message;
      this.logger.error({ err: error }, 'index not saved; serving the new index from memory');
    }
  }
}
