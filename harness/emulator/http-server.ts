import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ParsedBody, parseBody, readRaw } from './body.js';
import type { FaultInjector } from './faults.js';
import type { MessageStore } from './message-store.js';
import type { RecordedRequest, RouteReply } from './types.js';
import { sleep, withTimeout } from './wait.js';

/** Handles one decoded API request (below `/api/v10`) after it was recorded; returns the answer. */
export type ApiHandler = (request: RecordedRequest, segments: string[]) => Promise<RouteReply>;

/** What the HTTP server delegates. */
export interface HttpServerOptions {
  faults: FaultInjector;
  messages: MessageStore;
  /** Fills `name`, `template` and `params` of an API request (segments below `/api/v10`). */
  classify(request: RecordedRequest, segments: string[]): void;
  handleApi: ApiHandler;
  record(request: RecordedRequest): void;
  nextSeq(): number;
  onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

const API_PREFIX = ['api', 'v10'];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(res: ServerResponse, reply: RouteReply): void {
  if (res.headersSent || res.destroyed) return;
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, reply.headers ?? {}).end();
    return;
  }
  if (Buffer.isBuffer(reply.body)) {
    res.writeHead(reply.status, reply.headers ?? {}).end(reply.body);
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(text);
}

/** HTTP on 127.0.0.1: records every request, applies faults, routes `/api/v10`, serves attachments. */
export class EmulatorHttpServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #options: HttpServerOptions;

  constructor(options: HttpServerOptions) {
    this.#options = options;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) =>
        send(res, { status: 500, body: { message: String(error) } }),
      );
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.#server.on('upgrade', (req, socket, head) => options.onUpgrade(req, socket, head));
  }

  /** Listens on 127.0.0.1 with a random port; returns the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  /** Closes the server and destroys every open socket (bounded to 2 s). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    await withTimeout(closed, 2000);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
    const isApi = API_PREFIX.every((part, index) => segments[index] === part);
    const routeSegments = isApi ? segments.slice(API_PREFIX.length) : segments;
    const raw = await readRaw(req);
    let parsed: ParsedBody;
    try {
      parsed = await parseBody(raw, req.headers['content-type']);
    } catch {
      parsed = { body: raw.toString('utf8'), files: [], formFields: {} };
    }
    const request: RecordedRequest = {
      seq: this.#options.nextSeq(),
      method: (req.method ?? 'GET').toUpperCase(),
      path: `/${segments.join('/')}`,
      route: `/${routeSegments.join('/')}`,
      name: 'unknown',
      template: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(req),
      ...parsed,
      time: Date.now(),
      status: null,
      faulted: false,
    };
    if (isApi) this.#options.classify(request, routeSegments);
    else if (segments[0] === 'attachments' && request.method === 'GET') request.name = 'attachment';
    const fault = this.#options.faults.take(request);
    let reply: RouteReply;
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      request.faulted = true;
      reply = fault.reply;
    } else if (request.name === 'attachment') {
      reply = this.#attachment(segments[1] ?? '');
    } else if (isApi) {
      reply = await this.#options.handleApi(request, routeSegments);
    } else {
      reply = { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
    request.status = reply.status;
    this.#options.record(request);
    send(res, reply);
  }

  #attachment(id: string): RouteReply {
    const stored = this.#options.messages.attachment(id);
    if (!stored) return { status: 404, body: { message: 'Unknown attachment', code: 0 } };
    const headers = { 'content-type': stored.contentType, 'content-length': String(stored.bytes.length) };
    return { status: 200, body: stored.bytes, headers };
  }
}
