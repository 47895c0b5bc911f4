/** Wakes up waiters whenever something they may be waiting for has changed. */
export class Notifier {
  readonly #listeners = new Set<() => void>();

  /** Re-runs every pending probe. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /**
   * Resolves with the first non-undefined value returned by `probe` (checked now and after every notify()),
   * or rejects after `timeoutMs` with the message built by `describeTimeout`.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, describeTimeout: () => string): Promise<T> {
    const immediate = probe();
    if (immediate !== undefined) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`Timed out after ${timeoutMs} ms: ${describeTimeout()}`));
      }, timeoutMs);
      this.#listeners.add(listener);
    });
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the promise's value, or undefined once `ms` have passed (the promise is left running). */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
