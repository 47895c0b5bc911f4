import type { Server } from 'node:http';

export interface Listening {
  /** The port bound (the one asked for, or the kernel's pick for 0). */
  port: number;
  /**
   * Stops taking connections and resolves once the open ones are gone: idle ones are closed at once,
   * those answering a request finish it (`force`: closed at once too).
   */
  close(force?: boolean): Promise<void>;
}

/** Binds `server` to host:port; rejects with the bind error (a port in use, a host not found). */
export function listen(server: Server, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: (force = false) =>
          new Promise<void>((done) => {
            server.close(() => done());
            if (force) server.closeAllConnections();
            else server.closeIdleConnections();
          }),
      });
    });
  });
}
