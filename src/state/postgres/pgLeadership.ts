import pg from 'pg';
import type { Log } from '../../log/log.js';
import { CONNECT_TIMEOUT_MS } from './pgPool.js';

/** The advisory lock key the leader holds. */
const LEADER_LOCK = 0x63640003;
/** How often a follower tries to become the leader, and the leader checks it still is. */
export const LEADER_RETRY_MS = 5000;

export interface LeaderEvents {
  /** This process became the leader: start the jobs that must run once. */
  lead(): void;
  /** It is no longer (its connection was lost): stop them; another replica takes over. */
  lost(): void;
}

/**
 * One leader among the replicas on a database: whoever holds a session advisory lock on a connection of
 * its own. PostgreSQL drops the lock with the connection, so when the leader dies (kill -9, a lost
 * host: TCP keepalive) another replica's next try, within LEADER_RETRY_MS, takes over.
 */
export class PgLeadership {
  #client: pg.Client | null = null;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #leading = false;

  constructor(
    private readonly url: string,
    private readonly logger: Log,
    private readonly retryMs = LEADER_RETRY_MS,
  ) {}

  get leading(): boolean {
    return this.#leading;
  }

  start(events: LeaderEvents): void {
    void this.#tick(events);
  }

  async #tick(events: LeaderEvents): Promise<void> {
    if (this.#stopped) return;
    try {
      if (this.#leading) await this.#client?.query('SELECT 1');
      else await this.#tryToLead(events);
    } catch (error) {
      this.#drop(events, error as Error);
    }
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#tick(events), this.retryMs);
    this.#timer.unref();
  }

  async #tryToLead(events: LeaderEvents): Promise<void> {
    if (!this.#client) {
      const client = new pg.Client({
        connectionString: this.url,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        keepAlive: true,
        application_name: 'crisis-desk leader',
      });
      client.on('error', (error) => this.#drop(events, error));
      await client.connect();
      this.#client = client;
    }
    const { rows } = await this.#client.query<{ taken: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS taken',
      [LEADER_LOCK],
    );
    if (!rows[0]?.taken || this.#stopped) return;
    this.#leading = true;
    this.logger.info({}, 'leading: this replica runs feeds, Tell me notices and the folder watcher');
    events.lead();
  }

  #drop(events: LeaderEvents, error: Error): void {
    const client = this.#client;
    this.#client = null;
    client?.end().catch(() => {});
    if (!this.#leading) return;
    this.#leading = false;
    this.logger.warn({ err: error }, 'lost the leadership; its jobs stop until this replica leads again');
    events.lost();
  }

  /** Gives the leadership up (shutdown): the lock goes with the connection, another replica takes over. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#leading = false;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }
}
