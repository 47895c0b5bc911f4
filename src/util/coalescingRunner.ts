/**
 * Runs one job at a time, coalescing a burst: a trigger while it runs asks for one more run after it
 * (however many triggers came), so a burst of reindexes is followed by one re-ask, and none is missed.
 */
export class CoalescingRunner {
  #running: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves once a run that started after this call has finished. */
  trigger(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await this.job();
        } catch (error) {
          this.onError(error);
        }
      } while (this.#again);
      this.#running = null;
    })();
    return this.#running;
  }
}
