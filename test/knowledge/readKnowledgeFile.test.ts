import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { isReadFailure, readKnowledgeFile } from '../../src/knowledge/readKnowledgeFile.js';

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crisis-desk-read-'));
  temps.push(dir);
  return dir;
}

test('a regular file is read whole up to the limit, and refused one byte over it', async () => {
  const dir = await folder();
  await writeFile(path.join(dir, 'ten.md'), '0123456789');
  const read = await readKnowledgeFile(dir, 'ten.md', 10);
  assert.ok(!isReadFailure(read));
  assert.equal(read.bytes.toString(), '0123456789');
  assert.equal(read.stats.size, 10);
  assert.deepEqual(await readKnowledgeFile(dir, 'ten.md', 9), {
    reason: 'too large: 10 bytes, over the 9-byte limit',
  });
  const missing = await readKnowledgeFile(dir, 'gone.md', 10);
  assert.ok(isReadFailure(missing));
  assert.equal(missing.code, 'ENOENT');
});

test('a device is never read, whatever its size says', async () => {
  assert.deepEqual(await readKnowledgeFile('/dev', 'zero', 1000), {
    reason: 'a device, not a regular file: not read',
  });
});

test('the read stops at the limit even when the size says 0 (as /proc files do)', async () => {
  assert.ok(existsSync('/proc/self/status'), 'this is Linux');
  const capped = await readKnowledgeFile('/proc/self', 'status', 100);
  assert.deepEqual(capped, { reason: 'too large: over the 100-byte limit' });
  const whole = await readKnowledgeFile('/proc/self', 'status', 1_000_000);
  assert.ok(!isReadFailure(whole));
  assert.equal(whole.stats.size, 0);
  assert.match(whole.bytes.toString(), /^Name:/);
});

test('a link is refused before it is opened, and a link to a folder is refused too', async () => {
  const dir = await folder();
  await symlink('/etc', path.join(dir, 'etc.md'));
  await symlink('/proc/self/status', path.join(dir, 'status.md'));
  for (const name of ['etc.md', 'status.md']) {
    assert.deepEqual(await readKnowledgeFile(dir, name, 1_000_000), {
      reason: 'symbolic link to a file outside the knowledge folder: not read',
    });
  }
});

test('a file swapped for a link or a pipe after it was looked at is caught on the opened handle', async () => {
  const dir = await folder();
  const file = path.join(dir, 'swap.md');
  await writeFile(file, 'a plain file when it was listed');
  const seen = await lstat(file);
  await rm(file);
  await symlink('/proc/self/status', file);
  assert.deepEqual(await readKnowledgeFile(dir, 'swap.md', 1_000_000, seen), {
    reason: 'symbolic link to a file outside the knowledge folder: not read',
  });
  await rm(file);
  const made = spawnSync('mkfifo', [file]);
  assert.equal(made.status, 0, `mkfifo is available on this Linux machine: ${made.stderr}`);
  // Opened without blocking although nobody writes to the pipe, then refused for what it is.
  assert.deepEqual(await readKnowledgeFile(dir, 'swap.md', 1_000_000, seen), {
    reason: 'a FIFO (named pipe), not a regular file: not read',
  });
});
