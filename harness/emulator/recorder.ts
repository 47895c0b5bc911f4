import { describeRequests, matches } from './matcher.js';
import type { RecordedRequest, RequestMatcher } from './types.js';
import { Notifier } from './wait.js';

/** Options of waitForRequest(). */
export interface WaitOptions {
  /** Default 2000 ms. */
  timeoutMs?: number;
  /** Only consider requests with seq greater than this (e.g. a seq noted before an action). */
  afterSeq?: number;
}

/** The log of answered HTTP requests. */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly #notifier = new Notifier();
  #seq = 0;

  /** The next arrival number. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** The seq of the latest request (0 before any). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Appends an answered request and wakes waiters. */
  add(request: RecordedRequest): void {
    this.requests.push(request);
    this.#notifier.notify();
  }

  /** Wakes waiters after some other state changed. */
  notify(): void {
    this.#notifier.notify();
  }

  /** Forgets every recorded request. */
  clear(): void {
    this.requests.length = 0;
  }

  /** Requests satisfying a matcher. */
  filter(matcher: RequestMatcher): RecordedRequest[] {
    return this.requests.filter((r) => matches(matcher, r));
  }

  /** The first matching answered request, already recorded or future; rejects listing recent requests. */
  waitFor(matcher: RequestMatcher, options: WaitOptions = {}): Promise<RecordedRequest> {
    const after = options.afterSeq ?? 0;
    return this.#notifier.waitFor(
      () => this.requests.find((r) => r.seq > after && matches(matcher, r)),
      options.timeoutMs ?? 2000,
      () => `no request matched ${String(matcher)}; recent requests:\n${describeRequests(this.requests)}`,
    );
  }

  /** Resolves with the first non-undefined probe value, re-checked after every request. */
  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return this.#notifier.waitFor(
      probe,
      timeoutMs,
      () => `${what}; recent requests:\n${describeRequests(this.requests)}`,
    );
  }
}
