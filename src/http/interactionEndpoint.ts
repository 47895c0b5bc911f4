import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Log } from '../log/log.js';
import { listen } from '../util/listen.js';
import { verifyInteractionRequest } from './verifyRequest.js';

/** Discord's interaction payloads are small; anything this big is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A request whose body has not arrived by then is dropped: a slow sender holds no worker. */
export const REQUEST_TIMEOUT_MS = 10_000;

const PING = 1;

export interface EndpointOptions {
  host: string;
  port: number;
  publicKey: KeyObject;
  logger: Log;
  /** The answer to a verified, parsed interaction (not a PING): the body of the HTTP reply. */
  handle(interaction: { id: string; type: number } & Record<string, unknown>): Promise<unknown>;
  now?: () => number;
  /** REQUEST_TIMEOUT_MS unless given (tests). */
  requestTimeoutMs?: number;
}

export interface RunningEndpoint {
  readonly port: number;
  /** Stops taking requests; those under way finish. */
  close(): Promise<void>;
  /** Requests being answered now. */
  readonly inFlight: number;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The raw body, or null (and the request refused with 413) when it passes MAX_BODY_BYTES. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => {
      res.setHeader('connection', 'close');
      reply(res, 413, { error: 'request body too large' });
      req.resume();
      resolve(null);
    };
    if (declared > MAX_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        tooLarge();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= MAX_BODY_BYTES) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => resolve(null));
  });
}

function parse(body: Buffer): ({ id: string; type: number } & Record<string, unknown>) | null {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { id, type } = value as { id?: unknown; type?: unknown };
    return typeof type === 'number' && (type === PING || typeof id === 'string')
      ? (value as { id: string; type: number } & Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Discord's interaction webhook: POST /interactions, signature checked on the raw body (401 when
 * missing, wrong or replayed), a PING answered with a PONG, every other interaction answered with
 * what `handle` gives.
 */
export async function startInteractionEndpoint(options: EndpointOptions): Promise<RunningEndpoint> {
  const now = options.now ?? Date.now;
  let inFlight = 0;
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/interactions') return reply(res, 404, { error: 'not found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, { error: 'method not allowed' });
    }
    const body = await readBody(req, res);
    if (body === null) return;
    const verdict = verifyInteractionRequest(
      options.publicKey,
      {
        signature: req.headers['x-signature-ed25519'] as string | undefined,
        timestamp: req.headers['x-signature-timestamp'] as string | undefined,
        body,
      },
      now(),
    );
    if (!verdict.ok) {
      options.logger.warn(
        { reason: verdict.reason },
        'refused an interaction request that is not signed by Discord',
      );
      return reply(res, 401, { error: 'invalid request signature' });
    }
    const interaction = parse(body);
    if (!interaction) return reply(res, 400, { error: 'not an interaction' });
    if (interaction.type === PING) return reply(res, 200, { type: PING });
    inFlight++;
    try {
      reply(res, 200, await options.handle(interaction));
    } catch (error) {
      options.logger.error({ err: error }, 'an interaction could not be answered');
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    } finally {
      inFlight--;
    }
  };
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks the timeouts every 30 s by default: a slow request would hold its socket that long.
  const server: Server = createServer(
    { connectionsCheckingInterval: Math.max(100, Math.min(1_000, timeoutMs / 4)) },
    (req, res) => void serve(req, res),
  );
  server.requestTimeout = timeoutMs;
  server.headersTimeout = timeoutMs;
  server.keepAliveTimeout = 5_000;
  const listening = await listen(server, options.host, options.port);
  return {
    port: listening.port,
    get inFlight() {
      return inFlight;
    },
    close: () => listening.close(),
  };
}
