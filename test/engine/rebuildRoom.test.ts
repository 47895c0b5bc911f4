import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { RebuildTooLargeError } from '../../src/engine/errors.js';
import { rebuildFits, rebuildRefusal } from '../../src/engine/rebuildRoom.js';

const MB = 1024 * 1024;

test('a full rebuild fits while 2.5 times the heap in use stays within nine tenths of the limit', () => {
  assert.equal(rebuildFits({ usedBytes: 200 * MB, limitBytes: 3072 * MB }), true);
  assert.equal(rebuildFits({ usedBytes: 1105 * MB, limitBytes: 3072 * MB }), true);
  assert.equal(rebuildFits({ usedBytes: 1110 * MB, limitBytes: 3072 * MB }), false);
  // A million passages served: 1.7 GB, which ran out of the 3 GB heap when rebuilt beside.
  assert.equal(rebuildFits({ usedBytes: 1700 * MB, limitBytes: 3072 * MB }), false);
  const why = rebuildRefusal({ usedBytes: 1700 * MB, limitBytes: 3072 * MB }, 1_000_000);
  assert.match(why, /1,000,000 passages/);
  assert.match(why, /about 4,723 MB of heap and this process may use 3,072 MB/);
  assert.match(why, /--max-old-space-size/);
});

test('a full rebuild that would not fit is refused and the index keeps serving; a patch still runs', async () => {
  const ws = await tempWorkspace();
  let heap = { usedBytes: 10 * MB, limitBytes: 3072 * MB };
  try {
    // Nothing served yet: the first build is never refused.
    const engine = await Engine.open({
      knowledgeDir: ws.knowledgeDir,
      dataDir: ws.dataDir,
      heap: () => heap,
    });
    const question = 'What did the OSCE chair offer?';
    const before = engine.knowledge.ask(question);
    assert.equal(before.answered, true);
    heap = { usedBytes: 1700 * MB, limitBytes: 3072 * MB };
    await assert.rejects(engine.reindex({ full: true }), RebuildTooLargeError);
    assert.deepEqual(engine.knowledge.ask(question), before);
    assert.equal(engine.activity, null);

    const [file] = (await readdir(ws.knowledgeDir)).filter((f) => f.endsWith('.md')).sort();
    assert.ok(file);
    const path = join(ws.knowledgeDir, file);
    await writeFile(path, `${await readFile(path, 'utf8')}\n\nA zeppelin festival was held in Minsk.\n`);
    const patched = await engine.reindex();
    assert.equal(patched.mode, 'incremental');
    assert.equal(engine.knowledge.ask('zeppelin festival').answered, true);
  } finally {
    await ws.cleanup();
  }
});
