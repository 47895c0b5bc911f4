import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import {
  documentToRemove,
  restoreTrashed,
  trashDocument,
  trashedFiles,
} from '../../src/intake/documentTrash.js';

const FILE = '2020-09-03-rferl-russian-pm-in-minsk-as-belarus-looks-to-ally-for-help.md';
const ID = FILE.replace(/\.md$/, '');

test('a document goes to the trash and comes back, each time reindexed; a second move is refused with the reason', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, persist: false });
  const deps = { config: ws, engine };
  assert.deepEqual(documentToRemove(ID, engine.knowledge), { kind: 'found', file: FILE });
  assert.deepEqual(documentToRemove('no such document', engine.knowledge), { kind: 'none' });

  const removed = await trashDocument(FILE, deps);
  assert.ok(removed.kind === 'moved' && removed.reindex.kind === 'ran');
  assert.deepEqual(removed.reindex.report.removed, [ID]);
  assert.equal(engine.knowledge.document(ID), null);
  assert.ok(!(await readdir(ws.knowledgeDir)).includes(FILE));
  assert.deepEqual(await trashedFiles(ws.dataDir), [{ name: removed.file, original: FILE }]);
  const twice = await trashDocument(FILE, deps);
  assert.equal(twice.kind, 'refused');
  assert.match(twice.kind === 'refused' ? twice.reason : '', /not in the knowledge folder/);

  const restored = await restoreTrashed(removed.file, deps);
  assert.ok(restored.kind === 'moved' && restored.reindex.kind === 'ran');
  assert.equal(restored.file, FILE);
  assert.deepEqual(restored.reindex.report.added, [ID]);
  assert.ok(engine.knowledge.document(ID));
  assert.deepEqual(await trashedFiles(ws.dataDir), []);
  assert.equal((await restoreTrashed(removed.file, deps)).kind, 'refused');
});
