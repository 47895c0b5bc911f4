import pino from 'pino';

/** Interaction and webhook tokens sit in Discord URLs: /interactions/{id}/{token}, /webhooks/{app}/{token}. */
export function maskUrlTokens(url: string): string {
  return url.replace(/\/(interactions|webhooks)\/(\d+)\/[^/?#]+/g, '/$1/$2/[token]');
}

/**
 * pino's error serializer, minus what discord.js errors carry that must not reach a log: the
 * request body (members' text) and the token in the request URL.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const out = pino.stdSerializers.err(error) as Record<string, unknown>;
  delete out.requestBody;
  if (typeof out.url === 'string') out.url = maskUrlTokens(out.url);
  return out;
}
