import pg from 'pg';
import { StateUnavailableError } from '../errors.js';

const TIMESTAMPTZ = 1184;
const INT8 = 20;

const parseDate = pg.types.getTypeParser(TIMESTAMPTZ);

/**
 * Rows as the SQLite stores give them: times as ISO strings, ids and counts as numbers (every one of
 * ours stays far below 2^53).
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ) return (value: string) => (parseDate(value) as Date).toISOString();
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** How long a query waits for a connection, and for its answer, before the database counts as down. */
export const CONNECT_TIMEOUT_MS = 5000;
export const QUERY_TIMEOUT_MS = 10_000;

/** A pool of connections to DATABASE_URL; an idle connection that dies is reported, never thrown. */
export function createPool(url: string, onIdleError: (error: Error) => void, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'crisis-desk',
  });
  pool.on('error', onIdleError);
  return pool;
}

/** SQLSTATE classes of a connection or server that is not there now (not of a query that is wrong). */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '25006'];
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Whether an error means the database cannot be reached or written now, rather than a bug. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (UNAVAILABLE_CLASSES.some((c) => code.startsWith(c))) return true;
  }
  return /timeout|terminat|Connection ended|not queryable/i.test(error.message);
}

/** The error a store throws: StateUnavailableError when the database is down or read-only, else as it was. */
export function storeError(error: unknown): unknown {
  return isUnavailable(error)
    ? new StateUnavailableError('the state database is not answering', { cause: error })
    : error;
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** A query on the pool, its failure told as storeError. */
export async function query<R extends pg.QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await db.query<R>(text, values);
  } catch (error) {
    throw storeError(error);
  }
}

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storeError(error);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw storeError(error);
  } finally {
    client.release(broken);
  }
}
