/**
 * Fetches a web page for the knowledge, safely: http(s) only, every address of every host (the first
 * and each redirect's) checked before connecting and the connection made to that checked address (a DNS
 * answer that changes between the check and the connection cannot redirect it), at most 5 redirects,
 * 10 s and 5 MB in all. The page is decoded in the charset it declares.
 */

import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { decodeHtml } from './decodeHtml.js';
import { IngestError } from './errors.js';
import { hostOf, parseFetchUrl } from './fetchUrl.js';
import { formatDuration } from './formatLimits.js';
import { readBody, tooLarge } from './readBody.js';
import { type ResolvedAddress, type Resolver, vetHost } from './vetHost.js';

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export interface SafeFetchOptions {
  /** FETCH_ALLOW_PRIVATE: loopback and private networks may be fetched (tests, an intranet). Never by default. */
  allowPrivate?: boolean;
  /** The whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Ends the fetch early (a moderator's Cancel); it fails with kind 'cancelled'. */
  signal?: AbortSignal;
  /** Host name → addresses; the system resolver by default (tests map names to 127.0.0.1). */
  resolve?: Resolver;
  /** What is fetched, as the messages name it: "page" by default, "feed". */
  what?: string;
  /** Request headers added to ours (a feed's If-None-Match / If-Modified-Since). */
  headers?: Record<string, string>;
  /**
   * What the caller takes: web pages by default. `mediaTypes: 'any'` leaves the content, and its
   * decoding, to the caller (a feed is served under a dozen types, in XML's encoding rules), and
   * `notModified` returns a 304 as a page with no body.
   */
  accept?: { header: string; mediaTypes: readonly string[] | 'any'; notModified?: boolean };
}

export interface FetchedPage {
  /** The URL asked for, as parsed (no fragment). */
  url: string;
  /** Where the page was found, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  /** The encoding the page was decoded from (WHATWG name); '' when the caller takes any content. */
  charset: string;
  /** The page as text; '' when the caller takes any content (`accept.mediaTypes: 'any'`) and decodes `bytes`. */
  html: string;
  /** The body as it arrived (decompressed): the provenance snapshot. */
  bytes: Buffer;
  /** Each redirect's target, in order. */
  redirects: string[];
  /** When the page arrived (ISO 8601): the time its snapshot records. */
  fetchedAt: string;
  /** The validators of a conditional request for the same resource next time. */
  validators?: { etag: string | null; lastModified: string | null };
}

/** Where and when a page came from, without its body: what a snapshot and a review item record. */
export type PageOrigin = Pick<
  FetchedPage,
  'url' | 'finalUrl' | 'redirects' | 'status' | 'contentType' | 'charset' | 'fetchedAt'
>;

export function pageOrigin(page: PageOrigin): PageOrigin {
  const { url, finalUrl, redirects, status, contentType, charset, fetchedAt } = page;
  return { url, finalUrl, redirects, status, contentType, charset, fetchedAt };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML: NonNullable<SafeFetchOptions['accept']> = {
  header: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  mediaTypes: ['text/html', 'application/xhtml+xml'],
};
const HEADERS = {
  'user-agent': 'crisis-desk/0.1 (a news knowledge bot fetching one article)',
  'accept-encoding': 'gzip, deflate, br',
};

export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_LIMITS.maxRedirects;
  const first = parseFetchUrl(input);
  const deadline = new AbortController();
  const what = options.what ?? 'page';
  const timer = setTimeout(
    () =>
      deadline.abort(
        new IngestError('too-slow', `the ${what} did not arrive within ${formatDuration(timeoutMs)}`),
      ),
    timeoutMs,
  );
  const cancel = () => deadline.abort(new IngestError('cancelled', 'the fetch was cancelled'));
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await fetchFollowing(first, { ...options, maxBytes, maxRedirects, what }, deadline.signal);
  } catch (error) {
    // Whatever the abort broke on its way out (a socket, a DNS wait), the reason is the deadline or Cancel.
    if (deadline.signal.aborted) throw deadline.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

async function fetchFollowing(
  first: URL,
  options: SafeFetchOptions & { maxBytes: number; maxRedirects: number; what: string },
  signal: AbortSignal,
): Promise<FetchedPage> {
  const redirects: string[] = [];
  const seen = new Set([first.href]);
  let url = first;
  for (;;) {
    const addresses = await untilAborted(
      vetHost(hostOf(url), { allowPrivate: options.allowPrivate ?? false, resolve: options.resolve }),
      signal,
    ).catch((error: unknown) => {
      if (redirects.length === 0 || !(error instanceof IngestError)) throw error;
      throw new IngestError(
        error.kind,
        `the ${options.what} redirects to ${url.href}, and ${error.message}`,
        {
          cause: error,
        },
      );
    });
    const response = await request(url, addresses, signal, {
      ...HEADERS,
      ...options.headers,
      accept: (options.accept ?? HTML).header,
    });
    if (REDIRECTS.has(response.statusCode ?? 0)) {
      response.destroy();
      const next = redirectTarget(url, response, options.what);
      if (seen.has(next.href))
        throw new IngestError('redirect-loop', `the redirects go round in a loop (back to ${next.href})`);
      if (redirects.length >= options.maxRedirects)
        throw new IngestError(
          'too-many-redirects',
          `the ${options.what} redirects more than ${options.maxRedirects} times`,
        );
      redirects.push(next.href);
      seen.add(next.href);
      url = next;
      continue;
    }
    return readPage(first, url, response, redirects, options);
  }
}

function redirectTarget(from: URL, response: IncomingMessage, what: string): URL {
  const location = response.headers.location;
  if (!location || !URL.canParse(location, from.href))
    throw new IngestError(
      'bad-redirect',
      `the ${what} redirects (HTTP ${response.statusCode}) to no valid address`,
    );
  return parseFetchUrl(new URL(location, from).href, 'a redirect');
}

async function readPage(
  first: URL,
  url: URL,
  response: IncomingMessage,
  redirects: string[],
  options: SafeFetchOptions & { maxBytes: number; what: string },
): Promise<FetchedPage> {
  const { maxBytes, what } = options;
  const accept = options.accept ?? HTML;
  const status = response.statusCode ?? 0;
  const validators = {
    etag: headerValue(response.headers.etag),
    lastModified: headerValue(response.headers['last-modified']),
  };
  if (status === 304 && accept.notModified) {
    response.destroy();
    const page = { url: first.href, finalUrl: url.href, status, redirects, validators };
    const fetchedAt = new Date().toISOString();
    return { ...page, contentType: '', charset: 'utf-8', html: '', bytes: Buffer.alloc(0), fetchedAt };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    const text = response.statusMessage ? ` ${response.statusMessage}` : '';
    throw new IngestError('http-status', `the ${what} answered HTTP ${status}${text}`);
  }
  const contentType = String(response.headers['content-type'] ?? '').trim();
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType && accept.mediaTypes !== 'any' && !accept.mediaTypes.includes(mediaType)) {
    response.destroy();
    throw new IngestError('not-html', `the address is not a web page but ${mediaType}`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes, what);
  }
  const bytes = await readBody(response, maxBytes, what).catch((error: unknown) => {
    if (error instanceof IngestError) throw error;
    throw new IngestError('network', `${url.host} broke off while sending the ${what}`, { cause: error });
  });
  // No Content-Type at all: a page that starts like HTML is taken for one.
  if (!mediaType && accept.mediaTypes !== 'any' && !looksLikeHtml(bytes))
    throw new IngestError(
      'not-html',
      'the address does not say what it sends, and it does not look like a web page',
    );
  // A caller that takes any content (a feed) decodes the bytes itself, as what they are.
  const { html, charset } =
    accept.mediaTypes === 'any' ? { html: '', charset: '' } : decodeHtml(bytes, contentType);
  return {
    url: first.href,
    finalUrl: url.href,
    status,
    contentType: contentType || 'text/html',
    charset,
    html,
    bytes,
    redirects,
    fetchedAt: new Date().toISOString(),
    validators,
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : null;
}

function looksLikeHtml(bytes: Buffer): boolean {
  const start = bytes
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '');
  return /^\s*<(!doctype\s+html|html|head|body|!--|meta|title)[\s>]/i.test(start);
}

/** Resolves `promise`, unless the signal aborts first (a DNS lookup cannot itself be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Hands the connection only the addresses vetHost checked, whatever the resolver would answer now. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === 'number' ? options : (options?.family ?? 0);
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    const all = typeof options === 'object' && options?.all;
    if (usable.length === 0) {
      const error: NodeJS.ErrnoException = new Error('no checked address of this family');
      error.code = 'ENOTFOUND';
      callback(error, all ? [] : '', 4);
      return;
    }
    if (all) (callback as (e: null, list: ResolvedAddress[]) => void)(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}

function request(
  url: URL,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
  headers: Record<string, string>,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // A fresh connection each time (no agent's pool): a kept-alive socket is never reused for another host.
    const req = client.request(url, {
      method: 'GET',
      headers,
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
    });
    req.on('response', (response) => {
      // Errors surface where the body is read; this only keeps one that comes before from crashing.
      response.on('error', () => {});
      signal.addEventListener('abort', () => response.destroy(signal.reason), { once: true });
      resolve(response);
    });
    req.on('error', (error: NodeJS.ErrnoException) => reject(connectionError(url, error)));
    req.end();
  });
}

function connectionError(url: URL, error: NodeJS.ErrnoException): IngestError {
  const code = error.code ? ` (${error.code})` : '';
  return new IngestError('network', `${url.host} could not be reached${code}`, { cause: error });
}
