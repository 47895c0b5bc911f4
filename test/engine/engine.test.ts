import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../src/engine/engine.js';
import { ReindexBusyError } from '../../src/engine/errors.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { publicQuestions, useEngineWorkspace } from '../helpers/engineWorkspace.js';

const questions = await publicQuestions();
const workspace = useEngineWorkspace();
const { open, currentGeneration: generationFolder } = workspace;

test('a saved-then-loaded index answers exactly as the original', async () => {
  const built = await open();
  const loaded = await open({ syncOnOpen: false });
  assert.equal(loaded.current.passages.size, built.current.passages.size);
  assert.ok(built.current.passages.size > 20);
  for (const q of questions)
    assert.deepEqual(loaded.knowledge.ask(q, { limit: 5 }), built.knowledge.ask(q, { limit: 5 }), q);
});

test('passage ids are stable across a full rebuild', async () => {
  const engine = await open();
  const ids = [...engine.current.passages.keys()].sort();
  const report = await engine.reindex({ full: true });
  assert.equal(report.mode, 'full');
  assert.deepEqual([...engine.current.passages.keys()].sort(), ids);
});

test('a stale index is brought up to date at start-up, re-segmenting only what changed', async () => {
  const engine = await open();
  const path = await workspace.firstDocument();
  const file = basename(path);
  const original = await readFile(path, 'utf8');
  await writeFile(
    path,
    `${original}\n\nA zeppelin festival was held in Minsk to celebrate the harvest of turnips.\n`,
  );
  try {
    const reopened = await open({ syncOnOpen: false });
    const report = await reopened.reindex();
    assert.equal(report.mode, 'incremental');
    assert.deepEqual(report.changed, [file.replace(/\.md$/, '')]);
    assert.deepEqual(report.added, []);
    const answer = reopened.knowledge.ask('zeppelin festival turnips');
    assert.equal(answer.answered, true);
    assert.match(answer.citations[0]?.quote ?? '', /zeppelin festival/);
    const untouched = [...engine.current.passages.values()].filter((p) => p.documentId !== report.changed[0]);
    for (const p of untouched) assert.ok(reopened.current.passages.has(p.id));
  } finally {
    await writeFile(path, original);
  }
});

test('documents added and removed are reported with passages before and after', async () => {
  const engine = await open();
  const before = engine.current.passages.size;
  const extra = join(workspace.ws.knowledgeDir, 'extra-note.md');
  await writeFile(
    extra,
    '---\ntitle: "Extra note"\noutlet: "Test Wire"\n---\nThe harbour authority in Klaipeda counted nine hundred containers of potash waiting on the quay during the dispute over transit fees.\n',
  );
  const added = await engine.reindex();
  assert.equal(added.mode, 'incremental');
  assert.deepEqual(added.added, ['extra-note']);
  assert.equal(added.passagesBefore, before);
  assert.equal(added.passagesAfter, before + 1);
  assert.equal(engine.knowledge.ask('potash containers Klaipeda').answered, true);
  await rm(extra);
  const removed = await engine.reindex();
  assert.deepEqual(removed.removed, ['extra-note']);
  assert.equal(removed.passagesAfter, before);
  assert.equal(engine.knowledge.ask('potash containers Klaipeda').answered, false);
});

test('a corrupt saved index is rebuilt instead of crashing', async () => {
  await open();
  await writeFile(join(await generationFolder(), 'index.jsonl'), '{"kind":"header", broken');
  const engine = await open();
  assert.equal(engine.knowledge.ask('What did the OSCE chair offer?').answered, true);
});

test('an index from another format version is rebuilt', async () => {
  await open();
  const manifestPath = join(await generationFolder(), 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 999 }));
  const engine = await open();
  assert.equal(engine.knowledge.ask('What did the OSCE chair offer?').answered, true);
  const rewritten = JSON.parse(await readFile(join(await generationFolder(), 'manifest.json'), 'utf8'));
  assert.notEqual(rewritten.formatVersion, 999);
});

test('a missing generation folder or garbled pointer is rebuilt', async () => {
  await open();
  await rm(await generationFolder(), { recursive: true });
  assert.equal((await open()).knowledge.ask('Where was Navalny evacuated to?').answered, true);
  await writeFile(join(workspace.ws.dataDir, 'current'), 'garbage');
  assert.equal((await open()).knowledge.ask('Where was Navalny evacuated to?').answered, true);
});

test('one reindex at a time; a failed reindex leaves the old index serving', async () => {
  const engine = await open();
  const first = engine.reindex({ full: true });
  await assert.rejects(engine.reindex(), ReindexBusyError);
  await first;
  const elsewhere = await Engine.open({
    knowledgeDir: join(workspace.ws.root, 'no-such-folder'),
    dataDir: workspace.ws.dataDir,
    syncOnOpen: false,
  });
  const passages = elsewhere.current.passages.size;
  await assert.rejects(elsewhere.reindex());
  assert.equal(elsewhere.current.passages.size, passages);
  assert.equal(elsewhere.knowledge.ask('What did the OSCE chair offer?').answered, true);
});

test('a document keeps when it was added through edits, rebuilds and restarts; a new one gets its own time', async () => {
  const engine = await open();
  const path = await workspace.firstDocument();
  const id = basename(path, '.md');
  const addedAt = engine.current.documents.get(id)?.addedAt;
  assert.ok(addedAt && Date.parse(addedAt) <= Date.now());
  const original = await readFile(path, 'utf8');
  await writeFile(
    path,
    `${original}\n\nThe harbour master of Gdansk counted forty barges of grain on Monday.\n`,
  );
  try {
    assert.deepEqual((await engine.reindex()).changed, [id]);
    assert.equal(engine.current.documents.get(id)?.addedAt, addedAt, 'kept through an edit');
    await engine.reindex({ full: true });
    assert.equal(engine.current.documents.get(id)?.addedAt, addedAt, 'kept through a full rebuild');
    assert.equal((await open({ syncOnOpen: false })).current.documents.get(id)?.addedAt, addedAt, 'saved');

    const later = join(workspace.ws.knowledgeDir, 'later.md');
    await writeFile(
      later,
      `# Later\n\n${'The ferry to Klaipeda was cancelled because of the storm over the sea. '.repeat(3)}\n`,
    );
    const before = Date.now();
    await engine.reindex();
    const newAt = Date.parse(engine.current.documents.get('later')?.addedAt ?? '');
    assert.ok(newAt >= before - 1000 && newAt > Date.parse(addedAt));
    await rm(later);
  } finally {
    await writeFile(path, original);
  }
  await engine.reindex();
});

test('a patch that fails half-way is undone before the lock is released: every answer and the saved pointer are as before', async () => {
  let fault: Error | null = null;
  const { knowledgeDir, dataDir } = workspace.ws;
  const engine = await Engine.open({
    knowledgeDir,
    dataDir,
    onPatchApply: () => {
      if (fault) throw fault;
    },
  });
  const question = 'How many barges did the harbour master of Gdansk count?';
  const probes = [...questions, question];
  const answersBefore = probes.map((q) => engine.knowledge.ask(q, { limit: 5 }));
  const pointer = await readPointer(dataDir);
  const path = await workspace.firstDocument();
  const original = await readFile(path, 'utf8');
  await writeFile(
    path,
    `${original}\n\nThe harbour master of Gdansk counted forty barges of grain on Monday.\n`,
  );
  try {
    // Thrown right after the edited document's old passages came out, before its new ones went in.
    fault = new Error('injected fault');
    await assert.rejects(engine.reindex(), /applying the change failed \(injected fault\)/);
    probes.forEach((q, i) => {
      assert.deepEqual(engine.knowledge.ask(q, { limit: 5 }), answersBefore[i], q);
    });
    assert.deepEqual(await readPointer(dataDir), pointer);

    fault = null;
    const report = await engine.reindex();
    assert.equal(report.mode, 'incremental', 'the lock was released and the index is whole');
    assert.equal(engine.knowledge.ask(question).answered, true);
  } finally {
    await writeFile(path, original);
  }
  await engine.reindex();
});
