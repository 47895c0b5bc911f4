import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createIdHasher } from '../../src/log/hashId.js';
import { ID_SALT_FILE, persistentIdSalt } from '../../src/log/idSalt.js';

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-salt-'));
  try {
    await run(path.join(dir, 'data'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the id salt is made once, readable by the owner only, and the same after a restart', () =>
  withDir(async (dataDir) => {
    const first = await persistentIdSalt(dataDir);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal((await stat(path.join(dataDir, ID_SALT_FILE))).mode & 0o777, 0o600);
    const again = await persistentIdSalt(dataDir);
    assert.equal(again, first);
    assert.equal(createIdHasher(again)('123456789012345678'), createIdHasher(first)('123456789012345678'));
    assert.deepEqual(await readdir(dataDir), [ID_SALT_FILE], 'no temporary file left');
  }));

test('processes starting together agree on one salt', () =>
  withDir(async (dataDir) => {
    const salts = await Promise.all(Array.from({ length: 8 }, () => persistentIdSalt(dataDir)));
    assert.equal(new Set(salts).size, 1);
  }));

test('a salt file left empty by a crash is replaced, not trusted', () =>
  withDir(async (dataDir) => {
    await persistentIdSalt(dataDir);
    await writeFile(path.join(dataDir, ID_SALT_FILE), '');
    const salt = await persistentIdSalt(dataDir);
    assert.match(salt, /^[0-9a-f]{64}$/);
    assert.equal(await persistentIdSalt(dataDir), salt);
  }));
