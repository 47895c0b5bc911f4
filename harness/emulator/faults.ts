import { matches } from './matcher.js';
import type { RecordedRequest, RequestMatcher, RouteReply } from './types.js';

/** What failNext() answers instead of the real route. */
export interface FaultOptions {
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** JSON body; a Discord-style default is used when omitted. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
}

/** Options of rateLimitNext(). */
export interface RateLimitOptions {
  /** Seconds, may be fractional (default 0.2). */
  retryAfter?: number;
  times?: number;
  global?: boolean;
  /** `user` (default), `global` or `shared`. */
  scope?: string;
}

/** Options of denyNext(). */
export interface DenyOptions {
  /** 50013 Missing Permissions (default) or 50001 Missing Access. */
  code?: 50013 | 50001;
  times?: number;
}

/** A pending fault: how often it fired and how often it still will. */
export interface FaultHandle {
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

interface Fault {
  matcher: RequestMatcher;
  remaining: number;
  hits: number;
  options: FaultOptions;
}

function defaultBody(status: number): unknown {
  if (status === 429)
    return { message: 'You are being rate limited.', retry_after: 0.2, global: false, code: 0 };
  return { message: `${status}: Injected failure`, code: 0 };
}

/** Faults injected into matching requests, consumed in order. */
export class FaultInjector {
  readonly #faults: Fault[] = [];

  /** Makes the next `times` matching requests fail with `status`. */
  add(matcher: RequestMatcher, options: FaultOptions): FaultHandle {
    const fault: Fault = { matcher, remaining: options.times ?? 1, hits: 0, options };
    this.#faults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        fault.remaining = 0;
      },
    };
  }

  /** A 429 with `retry-after` and `x-ratelimit-*` headers, which @discordjs/rest waits out and retries. */
  addRateLimit(matcher: RequestMatcher, options: RateLimitOptions = {}): FaultHandle {
    const retryAfter = options.retryAfter ?? 0.2;
    const global = options.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() + retryAfter * 1000) / 1000),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': 'emulated-bucket',
      'x-ratelimit-scope': options.scope ?? (global ? 'global' : 'user'),
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    const body = { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 };
    return this.add(matcher, { status: 429, times: options.times ?? 1, headers, body });
  }

  /** A 403 as Discord answers when the bot lacks a permission in the channel (or cannot see it). */
  addDenial(matcher: RequestMatcher, options: DenyOptions = {}): FaultHandle {
    const code = options.code ?? 50013;
    const message = code === 50001 ? 'Missing Access' : 'Missing Permissions';
    return this.add(matcher, { status: 403, times: options.times ?? 1, body: { message, code } });
  }

  /** Consumes and returns the fault for a request, if one matches. */
  take(request: RecordedRequest): { reply: RouteReply; delayMs: number } | undefined {
    const fault = this.#faults.find((f) => f.remaining > 0 && matches(f.matcher, request));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    const { status, body, headers, delayMs } = fault.options;
    return {
      reply: { status, body: body ?? defaultBody(status), headers: headers ?? {} },
      delayMs: delayMs ?? 0,
    };
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults.length = 0;
  }
}
