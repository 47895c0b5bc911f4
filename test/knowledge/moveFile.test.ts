import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { TrashError } from '../../src/knowledge/errors.js';
import { type FileOps, fileOps, moveFile } from '../../src/knowledge/moveFile.js';
import { listTrash, moveToTrash, restoreFromTrash, trashDir } from '../../src/knowledge/trash.js';

let root: string;
let from: string;
let to: string;
/** Bytes of every kind, so a copy that changed a single byte shows. */
let content: Buffer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'move-'));
  from = join(root, 'knowledge');
  to = join(root, 'data');
  await mkdir(from);
  await mkdir(to);
  content = Buffer.concat([
    Buffer.from('---\ntitle: "Grodno"\n---\nТекст статьи.\n'),
    randomBytes(64 * 1024),
  ]);
  await writeFile(join(from, 'doc.md'), content);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const exdev = () => Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });

/**
 * The real operations, except that rename, and a link from one folder to the other, fail the way
 * they do between two Docker volumes.
 */
function acrossDevices(overrides: Partial<FileOps> = {}): FileOps {
  return {
    ...fileOps,
    rename: async () => Promise.reject(exdev()),
    link: async (a, b) => (dirname(a) === dirname(b) ? fileOps.link(a, b) : Promise.reject(exdev())),
    ...overrides,
  };
}

test('across file systems the file is copied, synced and linked into place, then the source is unlinked', async () => {
  const calls: string[] = [];
  const ops = acrossDevices();
  const traced: FileOps = Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      name,
      (...args: never[]) => {
        calls.push(name);
        return (op as (...a: never[]) => Promise<void>)(...args);
      },
    ]),
  ) as unknown as FileOps;
  await moveFile(join(from, 'doc.md'), join(to, 'doc.md'), traced);
  assert.deepEqual(await readFile(join(to, 'doc.md')), content, 'byte for byte');
  assert.equal(existsSync(join(from, 'doc.md')), false, 'the source is gone');
  assert.deepEqual(await readdir(to), ['doc.md'], 'no temporary file left');
  assert.deepEqual(await readdir(from), []);
  // Linked only once the copy is on disk; the source unlinked only once the new name is on disk.
  assert.deepEqual(calls, [
    'link', // refused: another file system
    'copyFile',
    'syncFile',
    'link',
    'unlink', // the temporary name
    'syncDir',
    'unlink', // the source
    'syncDir',
  ]);
});

test('the fallback never overwrites a file already at the destination', async () => {
  await writeFile(join(to, 'doc.md'), 'someone else');
  await assert.rejects(
    moveFile(join(from, 'doc.md'), join(to, 'doc.md'), acrossDevices()),
    (e: NodeJS.ErrnoException) => e.code === 'EEXIST',
  );
  assert.equal(await readFile(join(to, 'doc.md'), 'utf8'), 'someone else');
  assert.deepEqual(await readFile(join(from, 'doc.md')), content, 'the source is untouched');
  assert.deepEqual(await readdir(to), ['doc.md'], 'no temporary file left');
});

test('a failure or a crash at any step leaves the document whole in at least one place', async () => {
  const steps = ['copyFile', 'syncFile', 'link', 'syncDir', 'unlink'] as const;
  for (const step of steps) {
    for (let nth = 1; nth <= 2; nth++) {
      await rm(to, { recursive: true, force: true });
      await mkdir(to);
      await writeFile(join(from, 'doc.md'), content);
      const whole = () =>
        [join(from, 'doc.md'), join(to, 'doc.md')].some(
          (f) => existsSync(f) && readFileSync(f).equals(content),
        );
      // Between any two operations the process may be killed: the document must be whole somewhere.
      let seen = 0;
      const ops = acrossDevices();
      const checked = Object.fromEntries(
        Object.entries(ops).map(([name, op]) => [
          name,
          async (...args: never[]) => {
            assert.ok(whole(), `whole before ${name}`);
            if (name === step && ++seen === nth) throw new Error(`injected ${step} failure`);
            await (op as (...a: never[]) => Promise<void>)(...args);
            assert.ok(whole(), `whole after ${name}`);
          },
        ]),
      ) as unknown as FileOps;
      await moveFile(join(from, 'doc.md'), join(to, 'doc.md'), checked).catch(() => {});
      assert.ok(whole(), `${step} #${nth}: the document is whole in one place`);
      // Only a failure to unlink the temporary name itself leaves it (hidden; swept at start-up).
      const leftovers = (await readdir(to)).filter((n) => n !== 'doc.md');
      if (!(step === 'unlink' && nth === 1))
        assert.deepEqual(leftovers, [], `${step} #${nth}: no temporary file left`);
    }
  }
});

test('remove and restore work when the trash is on another file system (EXDEV)', async () => {
  const data = join(root, 'volume2');
  let refused = 0;
  const counted = acrossDevices({
    link: async (a, b) => {
      if (dirname(a) === dirname(b)) return fileOps.link(a, b);
      refused++;
      throw exdev();
    },
  });
  const trashed = await moveToTrash(from, data, 'doc.md', new Date('2026-01-02T03:04:05.678Z'), counted);
  assert.equal(refused, 1, 'the link was tried and failed with EXDEV');
  assert.deepEqual(await readdir(from), []);
  assert.deepEqual(await readFile(join(trashDir(data), trashed)), content);
  assert.deepEqual(await listTrash(data), [trashed]);

  assert.equal(await restoreFromTrash(from, data, trashed, counted), 'doc.md');
  assert.equal(refused, 2);
  assert.deepEqual(await readFile(join(from, 'doc.md')), content);
  assert.deepEqual(await readdir(trashDir(data)), []);

  // A restore that finds the name taken (even in the middle of the copy) is refused cleanly.
  const again = await moveToTrash(from, data, 'doc.md', new Date(), acrossDevices());
  const late: FileOps = acrossDevices({
    link: async (a, b) => {
      if (dirname(a) !== dirname(b)) throw exdev();
      await writeFile(join(from, 'doc.md'), 'a newer file');
      return fileOps.link(a, b);
    },
  });
  await assert.rejects(restoreFromTrash(from, data, again, late), (e: Error) => {
    assert.ok(e instanceof TrashError);
    assert.match(e.message, /already in the knowledge folder/);
    return true;
  });
  assert.equal(await readFile(join(from, 'doc.md'), 'utf8'), 'a newer file');
  assert.deepEqual(await readFile(join(trashDir(data), again)), content);
  assert.deepEqual(await readdir(from), ['doc.md'], 'no temporary file left');
});

test('a link is never copied to another file system: the copy would be whatever it points at', async () => {
  const secret = join(root, 'secret.env');
  await writeFile(secret, 'DISCORD_TOKEN=xyz\n');
  await symlink(secret, join(from, 'users.md'));
  await assert.rejects(
    moveToTrash(from, join(root, 'volume2'), 'users.md', new Date(), acrossDevices()),
    (e: Error) => {
      assert.ok(e instanceof TrashError);
      assert.match(e.message, /users\.md is not a regular file/);
      return true;
    },
  );
  assert.ok((await lstat(join(from, 'users.md'))).isSymbolicLink(), 'the link stays where it was');
  assert.equal(await readlink(join(from, 'users.md')), secret);
  assert.deepEqual(await listTrash(join(root, 'volume2')), [], 'nothing of the secret in the trash');
});
