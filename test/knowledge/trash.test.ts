import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { TrashError } from '../../src/knowledge/errors.js';
import { type FileOps, fileOps } from '../../src/knowledge/moveFile.js';
import { sweepInterruptedWrites } from '../../src/knowledge/sweepInterruptedWrites.js';
import {
  listTrash,
  moveToTrash,
  originalName,
  restoreFromTrash,
  trashDir,
} from '../../src/knowledge/trash.js';

let root: string;
let knowledge: string;
let data: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trash-'));
  knowledge = join(root, 'knowledge');
  data = join(root, 'data');
  await mkdir(knowledge);
});
afterEach(() => rm(root, { recursive: true, force: true }));

test('a removed file lands in DATA_DIR/trash under a time-stamped name, and comes back', async () => {
  await writeFile(join(knowledge, 'note.md'), 'first');
  const trashed = await moveToTrash(knowledge, data, 'note.md', new Date('2026-01-02T03:04:05.678Z'));
  assert.equal(trashed, '2026-01-02T03-04-05-678Z-note.md');
  assert.equal(originalName(trashed), 'note.md');
  assert.deepEqual(await readdir(knowledge), []);
  assert.equal(await readFile(join(trashDir(data), trashed), 'utf8'), 'first');
  assert.deepEqual(await listTrash(data), [trashed]);
  assert.equal(await restoreFromTrash(knowledge, data, trashed), 'note.md');
  assert.equal(await readFile(join(knowledge, 'note.md'), 'utf8'), 'first');
  assert.deepEqual(await listTrash(data), []);
});

test('repeated removals of the same name never overwrite each other', async () => {
  const now = new Date('2026-01-02T03:04:05.678Z');
  await writeFile(join(knowledge, 'note.md'), 'one');
  const a = await moveToTrash(knowledge, data, 'note.md', now);
  await writeFile(join(knowledge, 'note.md'), 'two');
  const b = await moveToTrash(knowledge, data, 'note.md', now);
  assert.notEqual(a, b);
  assert.equal(await readFile(join(trashDir(data), a), 'utf8'), 'one');
  assert.equal(await readFile(join(trashDir(data), b), 'utf8'), 'two');
  assert.deepEqual(await listTrash(data), [b, a]);
});

test('restore refuses when a file of that name is back in the knowledge folder', async () => {
  await writeFile(join(knowledge, 'note.md'), 'old');
  const trashed = await moveToTrash(knowledge, data, 'note.md');
  await writeFile(join(knowledge, 'note.md'), 'new');
  await assert.rejects(restoreFromTrash(knowledge, data, trashed), (e: Error) => {
    assert.ok(e instanceof TrashError);
    assert.match(e.message, /already in the knowledge folder/);
    return true;
  });
  assert.equal(await readFile(join(knowledge, 'note.md'), 'utf8'), 'new');
  assert.deepEqual(await listTrash(data), [trashed]);
});

test('names with a path, unknown names and missing files are refused', async () => {
  await assert.rejects(moveToTrash(knowledge, data, '../escape.md'), TrashError);
  await assert.rejects(moveToTrash(knowledge, data, 'missing.md'), /not in the knowledge folder/);
  await assert.rejects(restoreFromTrash(knowledge, data, '../../etc/passwd'), TrashError);
  await assert.rejects(restoreFromTrash(knowledge, data, 'note.md'), /not a file in the trash/);
  await assert.rejects(
    restoreFromTrash(knowledge, data, '2026-01-02T03-04-05-678Z-gone.md'),
    /not a file in the trash/,
  );
});

/** The real operations, except that a file lands on `target` just before the move's last step. */
function racedTo(target: string, bytes: string): FileOps {
  const plant = async (to: string) => {
    if (to === target) await writeFile(target, bytes, { flag: 'wx' }).catch(() => {});
  };
  return {
    ...fileOps,
    rename: async (from, to) => {
      await plant(to);
      return fileOps.rename(from, to);
    },
    link: async (from, to) => {
      await plant(to);
      return fileOps.link(from, to);
    },
  };
}

test('restore never overwrites a file that appears under its name after the check', async () => {
  await writeFile(join(knowledge, 'note.md'), 'old');
  const trashed = await moveToTrash(knowledge, data, 'note.md');
  const raced = racedTo(join(knowledge, 'note.md'), 'written meanwhile');
  await assert.rejects(restoreFromTrash(knowledge, data, trashed, raced), (e: Error) => {
    assert.ok(e instanceof TrashError);
    assert.match(e.message, /already in the knowledge folder/);
    return true;
  });
  assert.equal(await readFile(join(knowledge, 'note.md'), 'utf8'), 'written meanwhile');
  assert.equal(await readFile(join(trashDir(data), trashed), 'utf8'), 'old');
  assert.deepEqual(await readdir(knowledge), ['note.md']);
});

test('remove never overwrites a trashed file that appears under the same name: it takes the next one', async () => {
  const now = new Date('2026-01-02T03:04:05.678Z');
  await writeFile(join(knowledge, 'note.md'), 'removed now');
  await mkdir(trashDir(data), { recursive: true });
  const first = join(trashDir(data), '2026-01-02T03-04-05-678Z-note.md');
  const trashed = await moveToTrash(knowledge, data, 'note.md', now, racedTo(first, 'removed meanwhile'));
  assert.equal(trashed, '2026-01-02T03-04-05-679Z-note.md');
  assert.equal(await readFile(first, 'utf8'), 'removed meanwhile');
  assert.equal(await readFile(join(trashDir(data), trashed), 'utf8'), 'removed now');
  assert.deepEqual(await readdir(knowledge), []);
});

test('where the file system has no hard links, remove and restore still move the file and refuse a taken name', async () => {
  const noLinks: FileOps = {
    ...fileOps,
    link: async () => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    },
  };
  await writeFile(join(knowledge, 'note.md'), 'first');
  const trashed = await moveToTrash(knowledge, data, 'note.md', new Date(), noLinks);
  assert.deepEqual(await readdir(knowledge), []);
  assert.equal(await readFile(join(trashDir(data), trashed), 'utf8'), 'first');
  await writeFile(join(knowledge, 'note.md'), 'second');
  await assert.rejects(
    restoreFromTrash(knowledge, data, trashed, noLinks),
    /already in the knowledge folder/,
  );
  await rm(join(knowledge, 'note.md'));
  assert.equal(await restoreFromTrash(knowledge, data, trashed, noLinks), 'note.md');
  assert.equal(await readFile(join(knowledge, 'note.md'), 'utf8'), 'first');
  assert.deepEqual(await listTrash(data), []);
});

test('the start-up sweep clears temporary copies an interrupted move left in the trash, once a minute old', async () => {
  const now = Date.now();
  await writeFile(join(knowledge, 'note.md'), 'kept');
  const trashed = await moveToTrash(knowledge, data, 'note.md');
  const old = new Date(now - 120_000);
  for (const [dir, name] of [
    [trashDir(data), '.upload-0123456789ab.tmp'],
    [knowledge, '.upload-ba9876543210.tmp'],
  ] as const) {
    await writeFile(join(dir, name), 'half a copy');
    await utimes(join(dir, name), old, old);
  }
  await writeFile(join(trashDir(data), '.upload-fresh00000000.tmp'), 'a copy in progress');
  const swept = await sweepInterruptedWrites(knowledge, data, 60_000, now);
  assert.deepEqual(swept, { knowledge: ['.upload-ba9876543210.tmp'], trash: ['.upload-0123456789ab.tmp'] });
  assert.deepEqual((await readdir(trashDir(data))).sort(), ['.upload-fresh00000000.tmp', trashed].sort());
  assert.deepEqual(await readdir(knowledge), []);
  // A data folder with no trash yet is nothing to sweep.
  assert.deepEqual(await sweepInterruptedWrites(knowledge, join(root, 'no-data'), 60_000, now), {
    knowledge: [],
    trash: [],
  });
});
