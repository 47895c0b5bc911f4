import type { Logger } from 'pino';

/**
 * A malformed gateway payload surfaces as an unhandled rejection, which would end Node 20; the bot
 * logs it and keeps serving instead.
 */
export function keepServingOnStrayErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled rejection; still serving'),
  );
  process.on('uncaughtException', (error) =>
    logger.error({ err: error }, 'uncaught exception; still serving'),
  );
}

/** SIGINT/SIGTERM: close the gateway cleanly (bounded), then exit. */
export function shutDownOnSignals(logger: Logger, close: () => Promise<void>, boundMs = 5000): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(0), boundMs);
    timer.unref();
    close()
      .catch((error: unknown) => logger.warn({ err: error }, 'error while shutting down'))
      .finally(() => {
        logger.flush?.();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
