import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { planDelta } from '../../src/indexStore/deltaPolicy.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { FILES } from '../../src/indexStore/manifest.js';
import { publicQuestions, useEngineWorkspace } from '../helpers/engineWorkspace.js';

const questions = await publicQuestions();
const EXTRA = '\n\nA zeppelin festival was held in Minsk to celebrate the harvest of turnips.\n';
const workspace = useEngineWorkspace();
const { open, firstDocument: firstFile, currentGeneration: currentFolder } = workspace;

test('a small reindex is saved as a delta, and reopened it scores exactly like the index it saved', async () => {
  const engine = await open();
  const path = await firstFile();
  const original = await readFile(path, 'utf8');
  await writeFile(path, `${original}${EXTRA}`);
  try {
    const report = await engine.reindex();
    assert.equal(report.mode, 'incremental');
    assert.equal(report.savedAs, 'delta');
    assert.ok(report.applyMs <= report.ms && report.saveMs <= report.ms);
    assert.deepEqual((await readdir(await currentFolder())).sort(), [FILES.delta, FILES.manifest].sort());

    const reopened = await open({ syncOnOpen: false });
    assert.equal(reopened.current.passages.size, engine.current.passages.size);
    assert.deepEqual(reopened.current.stats, engine.current.stats);
    for (const q of [...questions, 'zeppelin festival turnips'])
      assert.deepEqual(reopened.knowledge.ask(q, { limit: 5 }), engine.knowledge.ask(q, { limit: 5 }), q);
    assert.equal((await reopened.reindex()).mode, 'unchanged');
  } finally {
    await writeFile(path, original);
  }
  const back = await engine.reindex();
  assert.equal(back.savedAs, 'delta');
  const reopened = await open({ syncOnOpen: false });
  for (const q of questions)
    assert.deepEqual(reopened.knowledge.ask(q, { limit: 5 }), engine.knowledge.ask(q, { limit: 5 }), q);
});

test('a full rebuild is saved whole and later deltas build on it', async () => {
  const engine = await open();
  const full = await engine.reindex({ full: true });
  assert.equal(full.savedAs, 'full');
  const pointer = await readPointer(workspace.ws.dataDir);
  assert.ok(pointer);
  assert.equal(pointer.base, null);
  const path = await firstFile();
  const original = await readFile(path, 'utf8');
  await writeFile(path, `${original}${EXTRA}`);
  try {
    assert.equal((await engine.reindex()).savedAs, 'delta');
    assert.equal((await readPointer(workspace.ws.dataDir))?.base, pointer.generation);
  } finally {
    await writeFile(path, original);
    await engine.reindex();
  }
});

test('a delta on the last full save is planned only while it stays small', async () => {
  const engine = await open();
  const state = engine.current;
  const documents = new Map(
    [...state.documents.values()].map((d) => [
      d.id,
      {
        hash: d.hash,
        file: d.file,
        passages: d.passageIds.length,
        ...(d.fingerprint ? { fingerprint: d.fingerprint } : {}),
      },
    ]),
  );
  const base = { generation: 'g', documents, aliasGroups: JSON.stringify(state.aliasGroups) };
  assert.deepEqual(planDelta(state, base), { passages: [], records: [], fullSaveDue: false });
  const [first, second] = documents.keys();
  assert.ok(first && second);
  const changed = new Map(documents);
  changed.set(first, { ...documents.get(first)!, hash: 'other' });
  // A document read again with the same content carries only its record (new fingerprint), not its passages.
  changed.set(second, { ...documents.get(second)!, fingerprint: { size: 1, mtimeMs: 2, ctimeMs: 3 } });
  const plan = planDelta(state, { ...base, documents: changed });
  assert.deepEqual(
    plan?.passages.map((d) => d.id),
    [first],
  );
  assert.deepEqual(plan?.records.map((d) => d.id).sort(), [first, second].sort());
  assert.equal(planDelta(state, { ...base, documents: changed }, 0), null);
  // Its passages count twice (out of the base, into the delta): past the limit a full save is due,
  // past ten times the limit the delta is not written at all.
  const cost = 2 * (state.documents.get(first)?.passageIds.length ?? 0);
  assert.equal(planDelta(state, { ...base, documents: changed }, cost)?.fullSaveDue, false);
  assert.equal(planDelta(state, { ...base, documents: changed }, cost - 1)?.fullSaveDue, true);
  assert.equal(planDelta(state, { ...base, documents: changed }, Math.ceil(cost / 10) - 1), null);
  assert.equal(planDelta(state, { ...base, aliasGroups: '[["a","b"]]' }), null);
  assert.equal(planDelta(state, null), null);
});

test('leftovers of a save killed half-way are ignored, then pruned', async () => {
  const engine = await open();
  const root = join(workspace.ws.dataDir, 'generations');
  // Killed while writing: a temporary folder. Killed before the pointer moved: a complete folder nobody names.
  await mkdir(join(root, '.tmp-killed'), { recursive: true });
  await writeFile(join(root, '.tmp-killed', FILES.manifest), '{"half":');
  await mkdir(join(root, 'orphan'));
  const reopened = await open({ syncOnOpen: false });
  assert.equal(reopened.knowledge.ask('What did the OSCE chair offer?').answered, true);
  await engine.reindex({ full: true });
  const names = await readdir(root);
  assert.ok(!names.includes('.tmp-killed') && !names.includes('orphan'));
});

test('a delta whose base is gone is rebuilt instead of crashing', async () => {
  const engine = await open();
  const path = await firstFile();
  const original = await readFile(path, 'utf8');
  await writeFile(path, `${original}${EXTRA}`);
  try {
    await engine.reindex();
    const pointer = await readPointer(workspace.ws.dataDir);
    assert.ok(pointer?.base);
    await rm(join(workspace.ws.dataDir, 'generations', pointer.base), { recursive: true });
    const rebuilt = await open();
    assert.equal(rebuilt.knowledge.ask('zeppelin festival turnips').answered, true);
  } finally {
    await writeFile(path, original);
  }
});

test('a truncated postings file is rebuilt instead of crashing', async () => {
  const engine = await open();
  await engine.reindex({ full: true });
  const postings = join(await currentFolder(), FILES.postings);
  const bytes = await readFile(postings);
  await writeFile(postings, bytes.subarray(0, bytes.length >> 1));
  const rebuilt = await open();
  assert.equal(rebuilt.knowledge.ask('What did the OSCE chair offer?').answered, true);
});

test('edits that leave most passages in place reload with every passage under the short id it had', async () => {
  const engine = await open();
  await engine.reindex({ full: true });
  const path = await firstFile();
  const original = await readFile(path, 'utf8');
  const at = original.indexOf('\n\n', original.length >> 1);
  assert.ok(at > 0);
  const insert = (text: string, paragraph: string, where: number) =>
    `${text.slice(0, where)}\n\n${paragraph}${text.slice(where)}`;
  const later = 'A zeppelin festival was held in Minsk to celebrate the harvest of turnips and beets.';
  const earlier = 'A marathon through the old town drew runners from Grodno, Brest and Vitebsk on Sunday.';
  try {
    // The second paragraph goes in before the first: its short id is the higher one, its place earlier.
    await writeFile(path, insert(original, later, at));
    assert.equal((await engine.reindex()).savedAs, 'delta');
    await writeFile(path, insert(insert(original, later, at), earlier, original.indexOf('\n\n')));
    assert.equal((await engine.reindex()).savedAs, 'delta');
    const reopened = await open({ syncOnOpen: false });
    const shortIds = (state: typeof engine.current) =>
      [...state.passages.keys()].sort().map((id) => [id, state.mini.shortIdOf(id)]);
    assert.deepEqual(shortIds(reopened.current), shortIds(engine.current));
    assert.deepEqual(reopened.current.stats, engine.current.stats);
    for (const q of [...questions, 'zeppelin festival turnips', 'marathon runners Grodno'])
      assert.deepEqual(reopened.knowledge.ask(q, { limit: 5 }), engine.knowledge.ask(q, { limit: 5 }), q);
  } finally {
    await writeFile(path, original);
    await engine.reindex();
  }
});

test('a delta past its limit is saved at once and the full save follows after the report, in its place', async () => {
  const engine = await open();
  await engine.reindex({ full: true });
  const before = await readPointer(workspace.ws.dataDir);
  assert.ok(before);
  // About 600 passages of one new document: past the 500 a delta may touch, short of ten times that.
  const words = ['harvest', 'railway', 'bridge', 'tractor', 'library', 'festival', 'market', 'theatre'];
  const paragraphs = Array.from({ length: 600 }, (_, i) => {
    const topic = `${words[i % words.length]} number ${i}`;
    return `The ${topic} was discussed at length by the district committee on Tuesday. Officials said the ${topic} would be reviewed again next month, once the regional reports arrive. Members asked for the ${topic} figures to be published before the next session.`;
  });
  const path = join(workspace.ws.knowledgeDir, 'district-committee.md');
  await writeFile(path, `# District committee minutes\n\n${paragraphs.join('\n\n')}\n`);
  try {
    const report = await engine.reindex();
    assert.equal(report.mode, 'incremental');
    assert.equal(report.savedAs, 'delta');
    assert.ok(report.passagesAfter - report.passagesBefore > 500);
    // The report is in before the full save is done, which shows no activity: nothing to wait for.
    assert.equal(engine.activity, null);
    assert.equal((await readPointer(workspace.ws.dataDir))?.base, before.generation);
    await engine.settled();
    const after = await readPointer(workspace.ws.dataDir);
    assert.ok(after);
    assert.equal(after.base, null);
    assert.equal(after.previous, before.generation, 'the full save took the delta’s place');
    assert.ok((await readdir(await currentFolder())).includes(FILES.passages));
    const reopened = await open({ syncOnOpen: false });
    assert.equal(reopened.current.passages.size, engine.current.passages.size);
    assert.deepEqual(reopened.knowledge.ask('railway number 9'), engine.knowledge.ask('railway number 9'));
    // A rollback still undoes the reindex, not merely the full save.
    const rolled = await engine.rollback();
    assert.deepEqual(rolled.removed, ['district-committee']);
  } finally {
    await rm(path, { force: true });
    await engine.reindex();
    await engine.settled();
  }
});
