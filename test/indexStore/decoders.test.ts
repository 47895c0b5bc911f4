import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { IndexLoadError } from '../../src/indexStore/errors.js';
import { decodePointer, readPointer } from '../../src/indexStore/indexPointer.js';
import { ShapeError } from '../../src/indexStore/jsonShape.js';
import { decodeManifest, FILES } from '../../src/indexStore/manifest.js';
import { decodePassages, PassageFormatError } from '../../src/indexStore/passageCodec.js';

const G1 = '2026-01-02T03-04-05-678Z-abcdef';
const G2 = '2026-01-02T03-04-06-678Z-123456';

test('the pointer decoder returns a typed pointer, and names the field that is wrong', () => {
  assert.deepEqual(decodePointer(JSON.stringify({ generation: G1 })), { generation: G1, previous: null });
  const rolled = {
    generation: G1,
    previous: G2,
    base: null,
    rolledBack: { from: G2, at: '2026-01-02T03:04:07Z' },
  };
  assert.deepEqual(decodePointer(JSON.stringify(rolled)), rolled);
  for (const [raw, field] of [
    ['{"generation":', /^current must be JSON/],
    ['[]', /current must be an object/],
    [JSON.stringify({ generation: '../etc' }), /^generation must be a generation name$/],
    [JSON.stringify({ generation: G1, previousBase: 7 }), /^previousBase must be a generation name$/],
    [JSON.stringify({ generation: G1, rolledBack: { from: G2 } }), /^rolledBack\.at must be a string$/],
  ] as const)
    assert.throws(
      () => decodePointer(raw),
      (error: Error) => error instanceof ShapeError && field.test(error.message),
    );
});

test('a saved manifest decodes to exactly what was written; a wrong field is named, another format said so', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer);
  const raw = await readFile(join(ws.dataDir, 'generations', pointer.generation, FILES.manifest), 'utf8');
  const written = JSON.parse(raw);
  assert.equal(written.documents.length, 5);
  assert.deepEqual(decodeManifest(raw), written);

  const broken = structuredClone(written);
  broken.documents[2].meta.inferred = ['colour'];
  assert.throws(() => decodeManifest(JSON.stringify(broken)), {
    name: 'ShapeError',
    message: 'documents[2].meta.inferred[0] must be a metadata field name',
  });
  const older = { ...written, formatVersion: 1 };
  assert.throws(
    () => decodeManifest(JSON.stringify(older)),
    (error: Error) => {
      return error instanceof IndexLoadError && error.message === 'index format 1 is not 2';
    },
  );
});

test('passage lines are checked tuple by tuple: a damaged one is named instead of loading garbage', async () => {
  const lines = async function* (...raw: string[]) {
    yield* raw;
  };
  const good = JSON.stringify([
    'doc',
    ['p1', 0, 0, 5, 'Hello', [0, 5]],
    ['p2', 1, 6, 11, 'World', [0, 5], 42],
  ]);
  const seen: unknown[] = [];
  await decodePassages(lines(good), (decoded) => seen.push(decoded));
  assert.deepEqual(
    seen
      .map((d) => d as { passage: { id: string; prev: string | null }; shortId?: number })
      .map((d) => [d.passage.id, d.passage.prev, d.shortId]),
    [
      ['p1', null, undefined],
      ['p2', 'p1', 42],
    ],
  );
  for (const [bad, message] of [
    [JSON.stringify(['doc', ['p1', 0, 0, 5, 'Hello', [0]]]), /passage 1 of document doc: sentence offsets/],
    [
      JSON.stringify(['doc', ['p1', '0', 0, 5, 'Hello', []]]),
      /passage 1 of document doc: ordinal, start and end/,
    ],
    [JSON.stringify([7]), /without a document id/],
    ['["doc", ["p1"', /not JSON/],
  ] as const)
    await assert.rejects(
      decodePassages(lines(bad), () => {}),
      (error: Error) => {
        return error instanceof PassageFormatError && message.test(error.message);
      },
    );
});

test('a document’s outlet claim is saved with its metadata and checked when read back', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const body =
    'The tram depot in Grodno halted every route on Monday morning, a spokesman for the city said, and talks with the drivers would resume later in the week.';
  await writeFile(
    join(ws.knowledgeDir, 'claimed.md'),
    `---\ntitle: "Trams halt"\noutlet: "evil.example"\noutlet_claim: "Reuters"\n---\n${body}\n`,
  );
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer);
  const raw = await readFile(join(ws.dataDir, 'generations', pointer.generation, FILES.manifest), 'utf8');
  const written = JSON.parse(raw);
  const at = written.documents.findIndex((d: { id: string }) => d.id === 'claimed');
  assert.equal(written.documents[at].meta.outletClaim, 'Reuters');
  assert.deepEqual(decodeManifest(raw), written);
  const broken = structuredClone(written);
  broken.documents[at].meta.outletClaim = 7;
  assert.throws(() => decodeManifest(JSON.stringify(broken)), {
    name: 'ShapeError',
    message: `documents[${at}].meta.outletClaim must be a string`,
  });
});
