import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { TestPostgres } from '../../harness/postgres.js';

let server: TestPostgres;
before(async () => {
  server = await TestPostgres.start();
});
after(() => server.stop());

test('the test PostgreSQL gives each test its own database on 127.0.0.1, with advisory locks and LISTEN', async () => {
  const [a, b] = [await server.createDatabase(), await server.createDatabase()];
  assert.notEqual(a, b);
  assert.match(a, /^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/test_\d+_\d+$/);
  const client = new pg.Client({ connectionString: a });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string; locked: boolean }>(
      'SELECT current_database() AS db, pg_try_advisory_lock(42) AS locked',
    );
    assert.equal(rows[0]?.locked, true);
    assert.equal(`${a.slice(0, a.lastIndexOf('/') + 1)}${rows[0]?.db}`, a);
    await client.query('LISTEN probe');
    const heard = new Promise<string | undefined>((resolve) =>
      client.once('notification', (n) => resolve(n.payload)),
    );
    await client.query("NOTIFY probe, 'hello'");
    assert.equal(await heard, 'hello');
  } finally {
    await client.end();
  }
});
