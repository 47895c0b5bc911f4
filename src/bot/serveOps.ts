import type { Logger } from 'pino';
import type { Listen } from '../config/serviceConfig.js';
import type { PromMetrics } from '../ops/metrics.js';
import { startOpsServer } from '../ops/opsServer.js';
import type { State } from '../state/state.js';
import type { Shutdown } from './watchProcess.js';

/** What /readyz asks besides the database: set by main as each part comes up. */
export class Readiness {
  indexLoaded = false;
  /** Whether Discord reaches the bot now: the gateway session is ready, or the endpoint listens. */
  discord: () => boolean = () => false;
}

/**
 * OPS_PORT: /healthz, /readyz (index loaded, database answering, Discord connected or the endpoint
 * listening) and /metrics, started before the index loads so a probe sees the process come up.
 * Shutting down turns /readyz 503 at once, so a load balancer stops sending before anything closes.
 */
export async function serveOps(
  listen: Listen,
  metrics: PromMetrics,
  readiness: Readiness,
  state: State,
  logger: Logger,
  shutdown: Shutdown,
): Promise<void> {
  const ops = await startOpsServer({
    ...listen,
    registry: metrics.registry,
    logger,
    checks: {
      index: async () => readiness.indexLoaded || 'loading',
      database: async () => {
        await state.ping();
        return true;
      },
      discord: async () => readiness.discord() || 'not connected',
    },
  });
  shutdown.onStopping(() => ops.drain());
  // Added before the client's and the interactions' steps: it closes after them.
  shutdown.onClose(() => ops.close());
  logger.info({ host: listen.host, port: ops.port }, 'serving /healthz, /readyz and /metrics');
}
