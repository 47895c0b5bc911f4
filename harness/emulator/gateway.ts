import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './snowflake.js';
import type { Json } from './types.js';
import { Notifier, withTimeout } from './wait.js';

/** Gateway opcodes. */
export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** What the gateway needs from the emulator. */
export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Paths accepted for the WebSocket upgrade. */
  paths: readonly string[];
  /** READY's `d`, given the new session id and the IDENTIFY payload. */
  readyPayload(sessionId: string, identify: Json): Json;
  /** GUILD_CREATE payloads sent after READY. */
  guildCreates(): Json[];
}

/** A frame the client sent, with its arrival time. */
export interface ReceivedFrame {
  op: number;
  d: unknown;
  time: number;
}

interface Session {
  id: string;
  seq: number;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  ready: boolean;
  /** Query of the connect URL (v, encoding, compress). */
  query: Record<string, string>;
}

/** The WebSocket gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, RESUME → RESUMED, heartbeats, dispatches. */
export class Gateway {
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  /** Answer op 1 with op 11 (turn off to simulate a zombie connection). */
  ackHeartbeats = true;
  /** Frames received from clients, oldest first. */
  readonly received: ReceivedFrame[] = [];
  /** Intents of the latest IDENTIFY. */
  lastIntents: number | null = null;
  readonly #options: GatewayOptions;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, Session>();
  readonly #notifier = new Notifier();

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  /** Accepts an HTTP upgrade on one of the gateway paths; other paths get their socket destroyed. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!this.#options.paths.includes(url.pathname)) {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, url));
  }

  #onConnection(socket: WebSocket, url: URL): void {
    const connection: Connection = {
      socket,
      session: null,
      ready: false,
      query: Object.fromEntries(url.searchParams),
    };
    this.#connections.add(connection);
    socket.on('message', (data) => this.#onFrame(connection, data));
    socket.on('close', () => {
      this.#connections.delete(connection);
      this.#notifier.notify();
    });
    socket.on('error', () => socket.terminate());
    this.#send(connection, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
    });
  }

  #onFrame(connection: Connection, data: RawData): void {
    let frame: Json;
    try {
      frame = JSON.parse(String(data)) as Json;
    } catch {
      connection.socket.close(4002, 'Decode error');
      return;
    }
    const op = Number(frame.op);
    this.received.push({ op, d: frame.d, time: Date.now() });
    const d = (typeof frame.d === 'object' && frame.d !== null ? frame.d : {}) as Json;
    switch (op) {
      case GatewayOp.Heartbeat:
        this.heartbeatCount += 1;
        if (this.ackHeartbeats) this.#send(connection, { op: GatewayOp.HeartbeatAck });
        break;
      case GatewayOp.Identify:
        this.#identify(connection, d);
        break;
      case GatewayOp.Resume:
        this.#resume(connection, d);
        break;
      case GatewayOp.PresenceUpdate:
      case GatewayOp.VoiceStateUpdate:
      case GatewayOp.RequestGuildMembers:
        break;
      default:
        connection.socket.close(4001, 'Unknown opcode');
    }
  }

  #identify(connection: Connection, d: Json): void {
    if (d.token !== this.#options.token) {
      connection.socket.close(4004, 'Authentication failed');
      return;
    }
    const session: Session = { id: snowflake(), seq: 0 };
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.identifyCount += 1;
    this.lastIntents = typeof d.intents === 'number' ? d.intents : null;
    this.#dispatchTo(connection, 'READY', this.#options.readyPayload(session.id, d));
    for (const guild of this.#options.guildCreates()) this.#dispatchTo(connection, 'GUILD_CREATE', guild);
    connection.ready = true;
    this.#notifier.notify();
  }

  #resume(connection: Connection, d: Json): void {
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    if (!session || d.token !== this.#options.token) {
      this.#send(connection, { op: GatewayOp.InvalidSession, d: false });
      return;
    }
    connection.session = session;
    this.resumeCount += 1;
    this.#dispatchTo(connection, 'RESUMED', {});
    connection.ready = true;
    this.#notifier.notify();
  }

  #send(connection: Connection, payload: Json): void {
    if (connection.socket.readyState === connection.socket.OPEN)
      connection.socket.send(JSON.stringify(payload));
  }

  #dispatchTo(connection: Connection, event: string, data: unknown): void {
    const session = connection.session;
    if (!session) return;
    session.seq += 1;
    this.#send(connection, { op: GatewayOp.Dispatch, t: event, s: session.seq, d: data });
  }

  #readyConnections(): Connection[] {
    return [...this.#connections].filter((c) => c.ready);
  }

  /** Number of open connections that identified or resumed. */
  get readyConnections(): number {
    return this.#readyConnections().length;
  }

  /** Query strings of the open connections' URLs. */
  connectionQueries(): Record<string, string>[] {
    return [...this.#connections].map((c) => c.query);
  }

  /** Sends a dispatch to every ready connection; throws when none is ready. Returns the count. */
  dispatch(event: string, data: unknown): number {
    const targets = this.#readyConnections();
    if (targets.length === 0) throw new Error(`Cannot dispatch ${event}: no gateway client has identified`);
    for (const connection of targets) this.#dispatchTo(connection, event, data);
    return targets.length;
  }

  /** Like dispatch(), but silently does nothing when no client is ready. */
  announce(event: string, data: unknown): number {
    const targets = this.#readyConnections();
    for (const connection of targets) this.#dispatchTo(connection, event, data);
    return targets.length;
  }

  /** Sends op 7 RECONNECT; the client closes and RESUMEs on resume_gateway_url. */
  sendReconnect(): void {
    for (const connection of this.#connections) {
      connection.ready = false;
      this.#send(connection, { op: GatewayOp.Reconnect, d: null });
    }
  }

  /** Sends op 9 INVALID_SESSION; a non-resumable one also forgets the session (the client must IDENTIFY). */
  sendInvalidSession(resumable: boolean): void {
    for (const connection of this.#connections) {
      connection.ready = false;
      if (!resumable && connection.session) this.#sessions.delete(connection.session.id);
      this.#send(connection, { op: GatewayOp.InvalidSession, d: resumable });
    }
  }

  /** Closes every connection from the server side (4000 makes discord.js resume). */
  closeConnections(code = 4000, reason = 'Closed by emulator'): void {
    for (const connection of this.#connections) {
      connection.ready = false;
      connection.socket.close(code, reason);
    }
  }

  /** Resolves once a connection has identified or resumed (immediately if one is ready). */
  waitForReady(timeoutMs = 5000): Promise<void> {
    return this.#notifier
      .waitFor(
        () => (this.readyConnections > 0 ? true : undefined),
        timeoutMs,
        () =>
          `no gateway client became ready (open connections: ${this.#connections.size}, identifies: ${this.identifyCount}, resumes: ${this.resumeCount})`,
      )
      .then(() => undefined);
  }

  /** Resolves once identifyCount or resumeCount has reached `count`. */
  waitForCount(kind: 'identify' | 'resume', count: number, timeoutMs = 5000): Promise<void> {
    const current = (): number => (kind === 'identify' ? this.identifyCount : this.resumeCount);
    return this.#notifier
      .waitFor(
        () => (current() >= count ? true : undefined),
        timeoutMs,
        () => `${kind} count is ${current()}, expected ${count}`,
      )
      .then(() => undefined);
  }

  /** Terminates every connection and stops accepting new ones (bounded to 1 s). */
  async close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    await withTimeout(new Promise<void>((resolve) => this.#wss.close(() => resolve())), 1000);
  }
}
