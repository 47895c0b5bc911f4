import { CommandStore } from './command-store.js';
import {
  type DenyOptions,
  type FaultHandle,
  FaultInjector,
  type FaultOptions,
  type RateLimitOptions,
} from './faults.js';
import { Gateway, type ReceivedFrame } from './gateway.js';
import { type HttpDeliveryResult, type HttpTarget, postSigned } from './http-delivery.js';
import { EmulatorHttpServer } from './http-server.js';
import { InteractionStore } from './interaction-store.js';
import { type AttachmentPayload, MessageStore } from './message-store.js';
import { ChannelKind, readyPayload } from './payloads.js';
import { RequestRecorder, type WaitOptions } from './recorder.js';
import { clone, isRecord, type RouteContext } from './route-context.js';
import { apiError } from './router.js';
import { buildRouter } from './routes.js';
import type { Json, RecordedRequest, RequestMatcher, RouteReply } from './types.js';
import { type MemberOptions, type RoleIds, World, type WorldOptions } from './world.js';

/** Settings of a DiscordEmulator. */
export interface DiscordEmulatorOptions extends WorldOptions {
  /** The only bot token accepted (default `emulator-token`). */
  token?: string;
  /** HELLO heartbeat_interval (default 41250 ms). */
  heartbeatIntervalMs?: number;
  /** Reject interaction callbacks arriving later than this after dispatch with 10062 (default: never). */
  callbackDeadlineMs?: number | null;
}

/** Options of postMessage(). */
export interface PostMessageOptions {
  channelId?: string;
  /** Author user (default: the plain member's user). */
  author?: Json;
  /** Embed objects (plain JSON or builders' toJSON()). */
  embeds?: readonly object[];
  /** Component objects (plain JSON or builders' toJSON()). */
  components?: readonly object[];
  /** Also send MESSAGE_CREATE to connected clients. */
  announce?: boolean;
}

const GATEWAY_PATH = '/gateway';
const RESUME_PATH = '/gateway/resume';

/** Marks the emulator's own application of an HTTP reply (it must not wait for itself). */
const HTTP_REPLY_HEADER = 'x-emulator-http-reply';

/** Lifecycle, world, REST log, faults and gateway of the emulator (interaction helpers: DiscordEmulator). */
export class EmulatorCore {
  readonly token: string;
  readonly world: World;
  readonly messageStore = new MessageStore();
  readonly interactionStore = new InteractionStore();
  readonly commandStore = new CommandStore();
  readonly recorder = new RequestRecorder();
  readonly faults = new FaultInjector();
  readonly gateway: Gateway;
  readonly #router = buildRouter();
  readonly #http: EmulatorHttpServer;
  readonly #callbackDeadlineMs: number | null;
  #port: number | null = null;
  #stopping: Promise<void> | null = null;

  constructor(options: DiscordEmulatorOptions = {}) {
    this.token = options.token ?? 'emulator-token';
    this.world = new World(options);
    this.#callbackDeadlineMs = options.callbackDeadlineMs ?? null;
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      paths: [GATEWAY_PATH, RESUME_PATH],
      readyPayload: (sessionId, identify) => readyPayload(this.world, sessionId, this.resumeUrl, identify),
      guildCreates: () => [this.world.guildCreatePayload()],
    });
    this.#http = new EmulatorHttpServer({
      faults: this.faults,
      messages: this.messageStore,
      classify: (request, segments) => this.#classify(request, segments),
      handleApi: (request, segments) => this.#handleApi(request, segments),
      record: (request) => this.recorder.add(request),
      nextSeq: () => this.recorder.nextSeq(),
      onUpgrade: (request, socket, head) => this.gateway.handleUpgrade(request, socket, head),
    });
  }

  /** Listens on 127.0.0.1 with a random port. */
  async start(): Promise<void> {
    if (this.#port !== null) return;
    if (this.#stopping) throw new Error('DiscordEmulator was stopped; create a new one');
    this.#port = await this.#http.listen();
    this.messageStore.baseUrl = this.baseUrl;
  }

  /** Closes gateway connections and the server (idempotent, bounded). */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      await this.gateway.close();
      await this.#http.close();
    })();
    return this.#stopping;
  }

  /** The listening port (throws before start()). */
  get port(): number {
    if (this.#port === null) throw new Error('DiscordEmulator not started');
    return this.#port;
  }

  /** `http://127.0.0.1:PORT` */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** REST base for discord.js: `rest: { api: emulator.apiUrl }` (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  /** The gateway URL returned by GET /gateway/bot. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}${GATEWAY_PATH}`;
  }

  /** READY's resume_gateway_url. */
  get resumeUrl(): string {
    return `ws://127.0.0.1:${this.port}${RESUME_PATH}`;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  /** The bot's user object. */
  get botUser(): Json {
    return this.world.botUser;
  }

  get guildId(): string {
    return this.world.guildId;
  }

  /** `{ id, name }` of the guild. */
  get guild(): { id: string; name: string } {
    return { id: this.world.guildId, name: this.world.guildName };
  }

  /** Id of the guild's text channel. */
  get channelId(): string {
    return this.world.channelId;
  }

  /** The guild's text channel object. */
  get channel(): Json {
    return this.world.channels.get(this.world.channelId) as Json;
  }

  get roles(): RoleIds {
    return this.world.roles;
  }

  /** Interaction member presets: `plain` (view/send) and `moderator` (ManageGuild set). */
  get members(): { plain: Json; moderator: Json } {
    return this.world.members;
  }

  /** Adds a guild channel (default: text, type 0) and announces CHANNEL_CREATE. */
  addChannel(name: string, type: number = ChannelKind.GuildText): Json {
    const channel = this.world.addChannel(name, type);
    this.gateway.announce('CHANNEL_CREATE', clone(channel));
    return clone(channel);
  }

  /** Adds a thread (default: public, under the text channel) and announces THREAD_CREATE. */
  addThread(name: string, options: { parentId?: string; type?: number } = {}): Json {
    const thread = this.world.addThread(name, options.parentId, options.type);
    this.gateway.announce('THREAD_CREATE', { ...clone(thread), newly_created: true });
    return clone(thread);
  }

  /** Creates a user and its interaction member payload (permissions computed from roles unless given). */
  createMember(options: MemberOptions = {}): Json {
    return this.world.createMember(options);
  }

  /** Adds a role with the given permission bits and returns its id (takes effect in later GUILD_CREATEs). */
  addRole(name: string, permissions: bigint): string {
    return this.world.addRole(name, permissions);
  }

  /** Serves bytes at `http://127.0.0.1:PORT/attachments/{id}/{name}`; returns the attachment object. */
  registerAttachment(filename: string, bytes: Uint8Array, contentType?: string): AttachmentPayload {
    return this.messageStore.registerAttachment(filename, bytes, contentType);
  }

  /** Stores a message as if a user had posted it (a target for buttons and context menus). */
  postMessage(content: string, options: PostMessageOptions = {}): Json {
    const channel = this.world.channels.get(options.channelId ?? this.world.channelId);
    if (!channel) throw new Error(`Unknown channel ${options.channelId}`);
    const author = options.author ?? (this.world.members.plain.user as Json);
    const body = { content, embeds: options.embeds ?? [], components: options.components ?? [] };
    const message = this.messageStore.create(channel, author, body, []);
    if (options.announce) this.gateway.announce('MESSAGE_CREATE', clone(message));
    return clone(message);
  }

  /** Current messages of a channel (default: the text channel), oldest first. */
  channelMessages(channelId = this.world.channelId): Json[] {
    return clone(this.messageStore.inChannel(channelId));
  }

  /** Closes (or opens again) a user's DMs to the bot: messages to them then get 403 code 50007. */
  setDmsClosed(user: Json | string, closed = true): void {
    const id = typeof user === 'string' ? user : (user.id as string);
    if (closed) this.world.dmsClosed.add(id);
    else this.world.dmsClosed.delete(id);
  }

  /** Messages delivered to a user's DM channel, oldest first (none when no DM was opened). */
  directMessages(user: Json | string): Json[] {
    const id = typeof user === 'string' ? user : (user.id as string);
    const channel = this.world.dmChannelIdOf(id);
    return channel === undefined ? [] : this.channelMessages(channel);
  }

  /** Commands registered with PUT/POST, globally or for a guild. */
  registeredCommands(guildId: string | null = null): Json[] {
    return clone(this.commandStore.list(guildId));
  }

  /** Every answered HTTP request, in arrival order (live list). */
  get requests(): RecordedRequest[] {
    return this.recorder.requests;
  }

  /** Requests satisfying a matcher. */
  requestsMatching(matcher: RequestMatcher): RecordedRequest[] {
    return this.recorder.filter(matcher);
  }

  /** Requests no route handled (answered 404 `{message, code}`). */
  unknownRequests(): RecordedRequest[] {
    return this.recorder.filter((r) => r.name === 'unknown');
  }

  /** First matching request (recorded or future); rejects after timeoutMs (2 s) listing recent requests. */
  waitForRequest(matcher: RequestMatcher, options: WaitOptions = {}): Promise<RecordedRequest> {
    return this.recorder.waitFor(matcher, options);
  }

  /** Forgets the recorded requests. */
  clearRequests(): void {
    this.recorder.clear();
  }

  /** Answers the next `times` matching requests with `status` (and body/headers) instead of the route. */
  failNext(matcher: RequestMatcher, options: FaultOptions): FaultHandle {
    return this.faults.add(matcher, options);
  }

  /** Answers the next matching request(s) with a 429 carrying retry-after and x-ratelimit-* headers. */
  rateLimitNext(matcher: RequestMatcher, options: RateLimitOptions = {}): FaultHandle {
    return this.faults.addRateLimit(matcher, options);
  }

  /**
   * Answers the next matching request(s) with 403 `{code: 50013, message: 'Missing Permissions'}` (or
   * 50001 Missing Access), as Discord does when the bot's role lacks a permission in the channel.
   */
  denyNext(matcher: RequestMatcher, options: DenyOptions = {}): FaultHandle {
    return this.faults.addDenial(matcher, options);
  }

  /** Drops pending faults. */
  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Where interactions go instead of the gateway: an application's Interactions Endpoint URL, signed
   * with its key (set, change or clear it at any time: a load balancer picking a replica).
   */
  httpTarget: HttpTarget | null = null;
  /** Interactions delivered over HTTP, by id: what the endpoint answered. */
  readonly httpResults = new Map<string, HttpDeliveryResult | Error>();
  /** Deliveries under way by interaction token: REST calls with that token wait for the reply first. */
  readonly #delivering = new Map<string, Promise<void>>();

  /** POSTs an interaction, signed, to `target`; its HTTP reply becomes the first callback (as Discord does). */
  protected deliverOverHttp(target: HttpTarget, payload: Json): void {
    this.interactionStore.register(payload);
    const id = String(payload.id);
    const token = String(payload.token);
    const delivery = (async () => {
      try {
        const result = await postSigned(target, JSON.stringify(payload));
        this.httpResults.set(id, result);
        if (result.status === 200 && isRecord(result.body) && result.body.type !== 1)
          await this.#applyHttpReply(id, token, result.body);
      } catch (error) {
        this.httpResults.set(id, error as Error);
      } finally {
        this.#delivering.delete(token);
      }
    })();
    this.#delivering.set(token, delivery);
  }

  /** The HTTP reply, applied through the callback route (so it is recorded and checked like any callback). */
  async #applyHttpReply(id: string, token: string, body: Json): Promise<void> {
    const response = await fetch(`${this.apiUrl}/v10/interactions/${id}/${token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_REPLY_HEADER]: '1' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
  }

  /** Sends any gateway dispatch (INTERACTION_CREATE payloads with id and token are registered first). */
  dispatch(event: string, data: unknown): number {
    if (event === 'INTERACTION_CREATE' && isRecord(data)) this.interactionStore.register(data);
    return this.gateway.dispatch(event, data);
  }

  /** Sends op 7 RECONNECT (the client then RESUMEs). */
  sendReconnect(): void {
    this.gateway.sendReconnect();
  }

  /** Sends op 9 INVALID_SESSION. */
  sendInvalidSession(resumable: boolean): void {
    this.gateway.sendInvalidSession(resumable);
  }

  /** Closes gateway connections from the server side (default code 4000, resumable). */
  closeGateway(code?: number): void {
    this.gateway.closeConnections(code);
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  /** Frames received on the gateway (op, d, time). */
  get gatewayFrames(): readonly ReceivedFrame[] {
    return this.gateway.received;
  }

  /** Resolves once a client has identified or resumed and not been told to reconnect since. */
  waitForReady(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.gateway.waitForReady(options.timeoutMs);
  }

  /** Resolves once identifyCount reaches `count`. */
  waitForIdentifyCount(count: number, options: { timeoutMs?: number } = {}): Promise<void> {
    return this.gateway.waitForCount('identify', count, options.timeoutMs);
  }

  /** Resolves once resumeCount reaches `count`. */
  waitForResumeCount(count: number, options: { timeoutMs?: number } = {}): Promise<void> {
    return this.gateway.waitForCount('resume', count, options.timeoutMs);
  }

  #classify(request: RecordedRequest, segments: string[]): void {
    const match = this.#router.match(request.method, segments);
    if (!match) return;
    request.name = match.name;
    request.template = match.template;
    request.params = match.params;
  }

  #context(request: RecordedRequest): RouteContext {
    return {
      request,
      body: isRecord(request.body) ? request.body : {},
      world: this.world,
      messages: this.messageStore,
      interactions: this.interactionStore,
      commands: this.commandStore,
      token: this.token,
      gatewayUrl: this.gatewayUrl,
      callbackDeadlineMs: this.#callbackDeadlineMs,
      announce: (event, data) => {
        this.gateway.announce(event, data);
      },
    };
  }

  async #handleApi(request: RecordedRequest, segments: string[]): Promise<RouteReply> {
    const match = this.#router.match(request.method, segments);
    if (!match) return apiError(404, '404: Not Found', 0);
    // Discord has the HTTP reply before anything the bot sends after it with the token.
    const delivering = match.params.token ? this.#delivering.get(match.params.token) : undefined;
    if (delivering && request.headers[HTTP_REPLY_HEADER] !== '1') await delivering;
    if (match.auth && request.headers.authorization !== `Bot ${this.token}`) {
      return apiError(401, '401: Unauthorized', 0);
    }
    try {
      return await match.handler(this.#context(request));
    } catch (error) {
      return apiError(500, `Emulator error in ${match.name}: ${String(error)}`, 0);
    }
  }
}
