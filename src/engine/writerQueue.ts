import { ReindexBusyError } from './errors.js';

/** What the engine is busy with, for a moderator told to wait. */
export type EngineActivity = 'reindex' | 'rollback' | 'reload';

/**
 * One writer at a time: a reindex, a rollback, or a switch to an index another process saved. A
 * second writer asked for meanwhile is refused (ReindexBusyError), unless it is queued to run
 * after the current one with `runNext`: callers queueing during the same wait share one run.
 * (Not util's CoalescingRunner: that one waits for its own job and reports errors aside, while a
 * queued run here waits for whichever writer runs, merges its callers' options, and hands each of
 * them its report or its error.)
 */
export class WriterQueue<Queued> {
  private running: { done: Promise<unknown>; activity: EngineActivity; finishing: boolean } | null = null;
  private queued: Promise<Queued> | null = null;
  /** The queued run is automatic only if every caller sharing it asked for an automatic one. */
  private queuedAutomatic = false;

  get busy(): boolean {
    return this.running !== null;
  }

  get activity(): EngineActivity | null {
    return this.running && !this.running.finishing ? this.running.activity : null;
  }

  /**
   * The running writer has made its change and goes on only to save the index in full: the next
   * writer waits for it instead of being refused, and no activity is shown for it.
   */
  finishing(): void {
    if (this.running) this.running.finishing = true;
  }

  /** Resolves once no writer runs (a CLI waits for the save after its reindex before it exits). */
  async settled(): Promise<void> {
    while (this.running) await this.running.done.catch(() => {});
  }

  /**
   * Runs `work` as the one writer; rejects with ReindexBusyError while another runs (but one that is
   * only finishing: then `work` runs after it).
   */
  run<T>(activity: EngineActivity, work: () => Promise<T>): Promise<T> {
    if (this.running?.finishing) return this.settled().then(() => this.run(activity, work));
    if (this.running) return Promise.reject(new ReindexBusyError());
    const done = Promise.resolve()
      .then(work)
      .finally(() => {
        this.running = null;
      });
    this.running = { done, activity, finishing: false };
    return done;
  }

  /**
   * Starts `start` at once when no writer runs; else once the running one is done (it may have
   * missed a change made meanwhile), as one run shared by every caller that queues until then.
   */
  runNext(automatic: boolean, start: (automatic: boolean) => Promise<Queued>): Promise<Queued> {
    if (!this.running) return start(automatic);
    this.queuedAutomatic = this.queued ? this.queuedAutomatic && automatic : automatic;
    this.queued ??= (async () => {
      while (this.running) await this.running.done.catch(() => {});
      this.queued = null;
      return start(this.queuedAutomatic);
    })();
    return this.queued;
  }
}
