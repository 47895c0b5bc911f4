/**
 * Runs jobs one at a time in the order they were queued: each starts once every job queued before
 * it has settled. A job that fails rejects its own caller only; the jobs after it still run.
 */
export class FifoQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** `onIdle` is called whenever the last job queued has settled. */
  constructor(private readonly onIdle: () => void = () => {}) {}

  /** Jobs queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Runs `job` after every job queued before it; settles as `job` does. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(job);
    this.#tail = result
      .catch(() => {})
      .finally(() => {
        if (--this.#pending === 0) this.onIdle();
      });
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  async settled(): Promise<void> {
    await this.#tail;
  }
}
