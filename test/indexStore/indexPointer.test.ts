import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { openReader } from '../../src/cli/openReader.js';
import { Engine } from '../../src/engine/engine.js';
import { RollbackError } from '../../src/engine/errors.js';
import { IndexLoadError } from '../../src/indexStore/errors.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { loadGeneration } from '../../src/indexStore/loadGeneration.js';
import { FILES } from '../../src/indexStore/manifest.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const PLANTED = `---
title: Planted index
outlet: Nowhere
---
The lighthouse keeper of Vitebsk counted seventeen purple herons on the frozen river at dawn.
`;
const PLANTED_QUESTION = 'How many purple herons did the lighthouse keeper count?';
const OLD_QUESTION = 'Where was Navalny evacuated to?';

async function workspace(t: { after(fn: () => Promise<void>): void }) {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const open = (options: Partial<Parameters<typeof Engine.open>[0]> = {}) =>
    Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir, ...options });
  return { ws, open };
}

/** Every path under `dir` (folders end in /), so a test sees any file an operation left behind. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => `${relative(dir, join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

/** A complete saved generation outside DATA_DIR whose index answers PLANTED_QUESTION. */
async function plantGenerationOutside(root: string): Promise<string> {
  const knowledgeDir = join(root, 'planted-knowledge');
  const dataDir = join(root, 'planted-data');
  await mkdir(knowledgeDir);
  await writeFile(join(knowledgeDir, 'planted.md'), PLANTED);
  await Engine.open({ knowledgeDir, dataDir });
  const pointer = await readPointer(dataDir);
  assert.ok(pointer);
  const outside = join(root, 'elsewhere');
  await cp(join(dataDir, 'generations', pointer.generation), outside, { recursive: true });
  return outside;
}

test('a pointer naming a path outside DATA_DIR is corrupt: the loader never opens it', async (t) => {
  const { ws, open } = await workspace(t);
  const outside = await plantGenerationOutside(ws.root);
  await open();
  const outward = relative(join(ws.dataDir, 'generations'), outside);
  assert.match(outward, /^\.\.\//);
  await writeFile(join(ws.dataDir, 'current'), JSON.stringify({ generation: outward, previous: null }));

  await assert.rejects(readPointer(ws.dataDir), IndexLoadError);
  const { logger, messages } = recordingLogger();
  const engine = await open({ syncOnOpen: false, logger });
  assert.ok(messages('warn').includes('saved index unusable; rebuilding'));
  assert.equal(engine.knowledge.ask(PLANTED_QUESTION).answered, false, 'the planted index is not served');
  await assert.rejects(loadGeneration(ws.dataDir, outward), IndexLoadError);
});

test('every name a pointer or a delta carries must be a generation name', async (t) => {
  const { ws, open } = await workspace(t);
  const outside = await plantGenerationOutside(ws.root);
  const engine = await open();
  await writeFile(join(ws.knowledgeDir, 'extra.md'), PLANTED.replace('Planted index', 'Extra'));
  assert.equal((await engine.reindex()).savedAs, 'delta');
  const pointer = await readPointer(ws.dataDir);
  assert.ok(pointer?.base);
  const outward = relative(join(ws.dataDir, 'generations'), outside);
  const write = (fields: object) =>
    writeFile(join(ws.dataDir, 'current'), JSON.stringify({ ...pointer, ...fields }));
  for (const fields of [
    { previous: outward },
    { base: outward },
    { previousBase: '..' },
    { rolledBack: { from: outward, at: '2026-01-01T00:00:00.000Z' } },
    { generation: 42 },
  ]) {
    await write(fields);
    await assert.rejects(readPointer(ws.dataDir), IndexLoadError, JSON.stringify(fields));
  }
  await write({});
  assert.deepEqual(await readPointer(ws.dataDir), pointer);

  // A delta's manifest names its base: that name must not lead outside either.
  const manifestPath = join(ws.dataDir, 'generations', pointer.generation, FILES.manifest);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  await writeFile(manifestPath, JSON.stringify({ ...manifest, delta: { ...manifest.delta, base: outward } }));
  await assert.rejects(loadGeneration(ws.dataDir, pointer.generation), IndexLoadError);
});

test('a folder in place of DATA_DIR/current: one warning, answers from memory, and no file written however often', async (t) => {
  const { ws, open } = await workspace(t);
  await mkdir(join(ws.dataDir, 'current'), { recursive: true });
  const before = await tree(ws.dataDir);
  for (let run = 0; run < 3; run++) {
    const { logger, lines } = recordingLogger();
    const engine = await open({ logger });
    assert.equal(engine.knowledge.ask(OLD_QUESTION).answered, true);
    const warnings = lines.filter((l) => l.level !== 'info');
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(String(warnings[0]?.obj.reason), /current is a folder/);
    const report = await engine.reindex({ full: true });
    assert.equal(report.saved, false);
    assert.match(report.saveError ?? '', /current is a folder/);
    await assert.rejects(engine.rollback(), RollbackError);

    // `npm run ask`'s way in: the same single warning, the same answers from memory.
    const asked = recordingLogger();
    const reader = await openReader({
      knowledgeDir: ws.knowledgeDir,
      dataDir: ws.dataDir,
      logger: asked.logger,
      sync: false,
      notice: (line) => assert.fail(line),
    });
    assert.equal(reader.knowledge.ask(OLD_QUESTION).answered, true);
    assert.equal(asked.lines.filter((l) => l.level !== 'info').length, 1);
  }
  assert.deepEqual(await tree(ws.dataDir), before);

  // Once the folder is moved away, a serving bot notices (it follows DATA_DIR/current) and saves again.
  const engine = await open();
  await rm(join(ws.dataDir, 'current'), { recursive: true });
  await engine.followSaved();
  assert.equal((await engine.reindex({ full: true })).saved, true);
  assert.ok(await readPointer(ws.dataDir));
});
