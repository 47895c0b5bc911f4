import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../src/engine/engine.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const note = (n: number) =>
  `---\ntitle: "Harbour note ${n}"\noutlet: "Test Wire"\n---\nThe harbour authority counted ${n} hundred containers of potash waiting on the quay during the long dispute over transit fees.\n`;

test('the "reindex finished" log line lists at most 20 ids of each kind, with the full counts', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-log-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const knowledgeDir = join(root, 'knowledge');
  await mkdir(knowledgeDir);
  const names = Array.from({ length: 45 }, (_, i) => `note-${String(i).padStart(2, '0')}`);
  for (const [i, name] of names.entries()) await writeFile(join(knowledgeDir, `${name}.md`), note(i + 1));
  const { logger, lines } = recordingLogger();
  const engine = await Engine.open({ knowledgeDir, dataDir: join(root, 'data'), logger, persist: false });
  const report = await engine.reindex({ full: true });
  assert.equal(report.changed.length, 0);

  // 25 documents removed from the folder: the report has every id, the log line the first 20.
  for (const name of names.slice(0, 25)) await rm(join(knowledgeDir, `${name}.md`));
  const removed = await engine.reindex();
  assert.equal(removed.removed.length, 25);
  const line = lines.filter((l) => l.msg === 'reindex finished').at(-1);
  assert.deepEqual(line?.obj.removed, removed.removed.slice(0, 20));
  assert.deepEqual(line?.obj.counts, { added: 0, changed: 0, removed: 25 });
  assert.deepEqual(line?.obj.added, []);
  assert.equal(line?.obj.mode, removed.mode);
  assert.equal(line?.obj.skipped, 0);

  const first = lines.find((l) => l.msg === 'reindex finished');
  assert.deepEqual(first?.obj.added, names.slice(0, 20));
  assert.deepEqual(first?.obj.counts, { added: 45, changed: 0, removed: 0 });
});
