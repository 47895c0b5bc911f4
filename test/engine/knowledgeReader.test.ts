import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';

const TURNIPS = `---
title: Turnip festival
outlet: Test Wire
published: 2020-09-30
---
A zeppelin festival was held in Minsk to celebrate the harvest of turnips, organisers said on Sunday.
Thousands of visitors watched the airships drift over the fields while farmers sold their turnips in the square.
`;
const QUESTION = 'Where was the zeppelin festival for turnips held?';

test('the reader always reads the index being served: a reindex or a rollback shows at once', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const reader = engine.knowledge;
  assert.equal(reader.info().documents, 5);
  assert.equal(reader.ask(QUESTION).answered, false);

  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  await writeFile(join(ws.knowledgeDir, 'empty.md'), '');
  await engine.reindex();
  assert.equal(reader.info().documents, 6);
  assert.equal(reader.ask(QUESTION).answered, true);
  assert.equal(reader.documentsByDate()[0]?.id, 'turnips', 'newest first');
  assert.ok(reader.outlets().includes('Test Wire'));
  assert.deepEqual(
    reader
      .entries()
      .filter((e) => e.reason !== undefined)
      .map((e) => e.file),
    ['empty.md'],
  );
  const citation = reader.search('zeppelin turnips', { outlet: null, since: null, until: null }, 0, 5)
    .items[0];
  assert.equal(citation?.documentId, 'turnips');
  assert.equal(reader.passage(citation.passageId)?.documentId, 'turnips');
  assert.equal(reader.findPassages(citation.passageId.slice(0, 12), 1)[0]?.id, citation.passageId);

  await engine.rollback();
  assert.equal(reader.info().documents, 5);
  assert.equal(reader.ask(QUESTION).answered, false);
  assert.equal(reader.document('turnips'), null);
});

test('the reindex report says what arrived: each added or changed document as indexed, with its first passage', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const engine = await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS);
  const added = await engine.reindex();
  assert.equal(added.arrived.length, 1);
  const [turnips] = added.arrived;
  assert.equal(turnips?.id, 'turnips');
  assert.equal(turnips?.file, 'turnips.md');
  assert.equal(turnips?.meta.title, 'Turnip festival');
  assert.equal(turnips?.passages, engine.current.documents.get('turnips')?.passageIds.length);
  assert.match(turnips?.firstPassage ?? '', /^A zeppelin festival was held in Minsk/);
  assert.deepEqual(engine.knowledge.document('turnips'), turnips);

  await writeFile(join(ws.knowledgeDir, 'turnips.md'), TURNIPS.replace('Turnip festival', 'Turnip fair'));
  const changed = await engine.reindex();
  assert.deepEqual(
    changed.arrived.map((d) => [d.id, d.meta.title]),
    [['turnips', 'Turnip fair']],
  );
  assert.deepEqual((await engine.reindex()).arrived, [], 'nothing new, nothing arrived');
});
