import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { changesPending } from '../../src/knowledge/oneChangeAtATime.js';
import { placeUpload } from '../../src/knowledge/placeUpload.js';
import { moveToTrash, trashDir } from '../../src/knowledge/trash.js';

const ARTICLE =
  'Protesters gathered in central Minsk on Sunday for the fourth weekend in a row. ' +
  'Police detained dozens of people, the Interior Ministry said, and the opposition called for new elections.';
const article = (title: string, url: string, note: string) =>
  Buffer.from(`---\ntitle: "${title}"\nurl: "${url}"\n---\n${ARTICLE} ${note}\n`);

async function folders(t: TestContext) {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-place-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const knowledge = join(root, 'knowledge');
  await mkdir(knowledge);
  return { knowledge, data: join(root, 'data') };
}

test('a replace never lands on a different document put under the same name after it was decided', async (t) => {
  const { knowledge, data } = await folders(t);
  const first = article('Minsk protests', 'https://example.org/minsk', 'First version.');
  const update = article('Minsk protests', 'https://example.org/minsk', 'Updated version.');
  const other = article('Minsk protests', 'https://example.org/another-article', 'Another article.');
  await writeFile(join(knowledge, 'minsk-protests.md'), first);

  let meanwhile: Promise<unknown> = Promise.resolve();
  const decision = await placeUpload(
    knowledge,
    { file: 'minsk-protests.md', meta: { title: 'Minsk protests', url: 'https://example.org/minsk' } },
    update,
    {
      replace: true,
      // Between the decision and the write, another moderator removes the document and adds a
      // different article that takes the same name.
      decided: async () => {
        meanwhile = (async () => {
          await moveToTrash(knowledge, data, 'minsk-protests.md');
          return placeUpload(
            knowledge,
            {
              file: 'minsk-protests.md',
              meta: { title: 'Minsk protests', url: 'https://example.org/another-article' },
            },
            other,
            { replace: false },
          );
        })();
        // Queued behind this change, it waits; were it not, it would run to its end right here.
        if (changesPending(knowledge) < 2) await meanwhile;
      },
    },
  );
  assert.equal(decision.kind, 'replace');
  assert.equal((await meanwhile.then((d) => d as { kind: string })).kind, 'add');

  // The replace applied to the document it was decided for, which then went to the trash; the
  // other article is whole under its name.
  assert.deepEqual(await readFile(join(knowledge, 'minsk-protests.md')), other);
  const trashed = await readdir(trashDir(data));
  assert.equal(trashed.length, 1);
  assert.deepEqual(await readFile(join(trashDir(data), trashed[0] ?? '')), update);
  assert.deepEqual(await readdir(knowledge), ['minsk-protests.md']);
  assert.equal(changesPending(knowledge), 0);
});

test('a change that fails does not hold up the next one', async (t) => {
  const { knowledge, data } = await folders(t);
  const failed = moveToTrash(knowledge, data, 'missing.md');
  const added = placeUpload(
    knowledge,
    { file: 'note.md', meta: { title: 'Note', url: 'https://example.org/note' } },
    article('Note', 'https://example.org/note', 'Text.'),
    { replace: false },
  );
  await assert.rejects(failed, /not in the knowledge folder/);
  assert.equal((await added).kind, 'add');
  assert.deepEqual(await readdir(knowledge), ['note.md']);
});
