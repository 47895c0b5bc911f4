import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Log } from '../log/log.js';
import { listen } from '../util/listen.js';

/** One readiness check: its name, and true or the reason it fails. */
export type Check = () => Promise<true | string>;

export interface OpsOptions {
  host: string;
  port: number;
  registry: Registry;
  /** All must pass for /readyz to answer 200. */
  checks: Record<string, Check>;
  logger: Log;
}

export interface RunningOps {
  readonly port: number;
  /** /readyz answers 503 from now on (shutting down), whatever the checks say. */
  drain(): void;
  close(): Promise<void>;
}

/** A check that does not answer in this time fails: a hung database must not hang the probe. */
const CHECK_TIMEOUT_MS = 2000;

async function run(check: Check): Promise<true | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer in ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => (error as Error).message || 'failed'),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The operator's endpoints: GET /healthz (the process runs), /readyz (every check passes and the
 * process is not shutting down: 200, else 503 with what failed), /metrics (Prometheus text).
 */
export async function startOpsServer(options: OpsOptions): Promise<RunningOps> {
  let draining = false;
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
    if (path === '/metrics') {
      try {
        return send(res, 200, options.registry.contentType, await options.registry.metrics());
      } catch (error) {
        options.logger.error({ err: error }, 'metrics could not be collected');
        return send(res, 500, 'text/plain', 'metrics failed\n');
      }
    }
    if (path === '/readyz') {
      const names = Object.keys(options.checks);
      const results = await Promise.all(names.map((name) => run(options.checks[name] as Check)));
      const checks = Object.fromEntries(
        names.map((name, i) => [name, results[i] === true ? 'ok' : results[i]]),
      );
      const ready = !draining && results.every((r) => r === true);
      return send(
        res,
        ready ? 200 : 503,
        'application/json',
        `${JSON.stringify({ ready, draining, checks })}\n`,
      );
    }
    return send(res, 404, 'text/plain', 'not found\n');
  };
  const server = createServer((req, res) => void serve(req, res));
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  const listening = await listen(server, options.host, options.port);
  return {
    port: listening.port,
    drain: () => {
      draining = true;
    },
    // Probes hold nothing worth waiting for.
    close: () => listening.close(true),
  };
}
