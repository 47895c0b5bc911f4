import type { RecordedRequest, RequestMatcher } from './types.js';

/** Whether a request satisfies a matcher (see RequestMatcher). */
export function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  if (matcher instanceof RegExp) return matcher.test(`${request.method} ${request.route}`);
  const space = matcher.indexOf(' ');
  const method = space > 0 ? matcher.slice(0, space).toUpperCase() : null;
  const target = space > 0 ? matcher.slice(space + 1) : matcher;
  if (method !== null && method !== request.method) return false;
  return target === request.name || target === request.template || target === request.route;
}

/** One line per request, for error messages. */
export function describeRequests(requests: readonly RecordedRequest[], last = 20): string {
  if (requests.length === 0) return '(no requests recorded)';
  const shown = requests.slice(-last);
  const lines = shown.map(
    (r) => `  #${r.seq} ${r.method} ${r.route} [${r.name}] -> ${r.status ?? 'pending'}`,
  );
  const skipped = requests.length - shown.length;
  return `${skipped > 0 ? `  ... ${skipped} earlier\n` : ''}${lines.join('\n')}`;
}
