import { hostname } from 'node:os';
import pg from 'pg';
import type { Log } from '../log/log.js';
import { CONNECT_TIMEOUT_MS } from '../state/postgres/pgPool.js';
import { LockLostError, ReindexBusyError } from './errors.js';
import type { IndexCoordination } from './indexCoordination.js';

/** The advisory lock key of the index writer, and the channel new generations are announced on. */
const WRITER_LOCK = 0x63640002;
export const INDEX_CHANNEL = 'crisis_desk_index';
/** A dropped LISTEN connection is made again after this long. */
const RELISTEN_MS = 1000;

const connect = async (url: string, name: string): Promise<pg.Client> => {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: `crisis-desk ${name}`,
  });
  await client.connect();
  return client;
};

/**
 * Replicas on several hosts (a PID file means nothing across them): the writer lock is a PostgreSQL
 * advisory lock held by a connection of its own for the whole write (released by PostgreSQL if the
 * process dies), and each new generation is announced with NOTIFY; every replica LISTENs and serves
 * it at once, the pointer poll staying as the fallback.
 */
export function pgIndexCoordination(url: string, logger: Log): IndexCoordination {
  const listeners = new Set<() => void>();
  let listener: pg.Client | null = null;
  let closed = false;
  let relisten: NodeJS.Timeout | undefined;

  const retry = (ms: number) => {
    relisten = setTimeout(() => void startListening(), ms);
    relisten.unref();
  };

  const startListening = async (): Promise<void> => {
    if (closed || listener || listeners.size === 0) return;
    let client: pg.Client;
    try {
      client = await connect(url, 'index listener');
    } catch (error) {
      logger.warn({ err: error }, 'cannot listen for index announcements yet; the pointer poll covers it');
      return retry(RELISTEN_MS * 5);
    }
    listener = client;
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => {});
      if (closed) return;
      logger.warn({ err: error }, 'lost the index announcements connection; listening again');
      // Whatever was announced meanwhile is found by asking now.
      for (const heard of listeners) heard();
      retry(RELISTEN_MS);
    };
    client.on('notification', () => {
      for (const heard of listeners) heard();
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.query(`LISTEN ${INDEX_CHANNEL}`);
    } catch (error) {
      return lost(error as Error);
    }
    // What was announced before LISTEN took effect is found by asking once now.
    for (const heard of listeners) heard();
  };

  return {
    async withWriterLock(purpose, work) {
      const client = await connect(url, `index writer (${purpose})`);
      let lost = false;
      client.on('error', () => {
        lost = true;
      });
      try {
        const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [
          WRITER_LOCK,
        ]);
        if (!rows[0]?.taken) {
          const holder = await client.query<{ pid: number; application_name: string; since: string }>(
            `SELECT a.pid, a.application_name, a.backend_start AS since FROM pg_locks l
             JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted LIMIT 1`,
            [WRITER_LOCK],
          );
          const row = holder.rows[0];
          throw new ReindexBusyError(
            row
              ? {
                  pid: row.pid,
                  hostname: 'database',
                  purpose: row.application_name.replace(/^crisis-desk index writer \(|\)$/g, ''),
                  since: new Date(row.since).toISOString(),
                  token: '',
                }
              : undefined,
          );
        }
        logger.info({ purpose, host: hostname() }, 'took the index writer lock');
        return await work(async () => {
          if (lost) throw new LockLostError();
          await client.query('SELECT 1').catch(() => {
            throw new LockLostError();
          });
        });
      } finally {
        // Ending the session releases the advisory lock.
        await client.end().catch(() => {});
      }
    },
    async announce(generation) {
      const client = await connect(url, 'index announcer');
      try {
        await client.query('SELECT pg_notify($1, $2)', [INDEX_CHANNEL, generation ?? '']);
      } finally {
        await client.end().catch(() => {});
      }
    },
    listen(heard) {
      listeners.add(heard);
      void startListening();
      return () => listeners.delete(heard);
    },
    async close() {
      closed = true;
      clearTimeout(relisten);
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
    },
  };
}
