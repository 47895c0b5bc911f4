import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_KNOWLEDGE } from '../../harness/tempKnowledge.js';
import { buildState, StateBuilder } from '../../src/engine/buildState.js';
import type { FileFingerprint } from '../../src/knowledge/fingerprint.js';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { segmentedAlready, takeAnalysed } from '../../src/knowledge/loadDocumentOffThread.js';
import { BULK_FILES, scanKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { aliasTableFor, BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

const GROUPS = [['Lukashenko', 'Lukashenka', 'Alyaksandr Lukashenka']];

/** A folder past BULK_FILES: the bundled articles copied under many names, and one binary file. */
async function largeFolder(): Promise<string> {
  const dir = await mkdtemp(join(os.tmpdir(), 'bulk-scan-'));
  const sources = (await readdir(BUNDLED_KNOWLEDGE)).filter((f) => f.endsWith('.md'));
  for (let i = 0; i < BULK_FILES + 6; i++) {
    const source = sources[i % sources.length]!;
    await copyFile(join(BUNDLED_KNOWLEDGE, source), join(dir, `${String(i).padStart(3, '0')}-${source}`));
  }
  await writeFile(join(dir, '050-binary.md'), Buffer.from([0x41, 0, 0x42]));
  return dir;
}

test('a folder read whole by the worker pool indexes exactly as the same files read on the main thread', async (t) => {
  const dir = await largeFolder();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const aliases = aliasTableFor(GROUPS);
  const scan = await scanKnowledge(dir, { analyse: { aliasGroups: GROUPS, signature: aliases.signature } });

  const names = (await readdir(dir)).sort();
  const onMain: KnowledgeDocument[] = [];
  for (const name of names) {
    const loaded = loadDocument(name, await readFile(join(dir, name)));
    if (!isSkipped(loaded)) onMain.push(loaded);
  }
  assert.deepEqual(
    scan.documents.map((d) => d.file),
    onMain.map((d) => d.file),
    'documents in folder order',
  );
  assert.deepEqual(scan.skipped, [{ file: '050-binary.md', reason: 'binary file (contains NUL bytes)' }]);

  const [first] = scan.documents;
  assert.ok(first && segmentedAlready(first), 'segmented in a worker');
  assert.equal(
    takeAnalysed(first, BUILT_IN_ALIASES.signature),
    undefined,
    'terms packed with other aliases are not used',
  );
  assert.ok(takeAnalysed(first, aliases.signature), 'analysed in a worker');
  assert.equal(takeAnalysed(first, aliases.signature), undefined, 'handed over once');

  const pooled = await buildState(scan.documents, aliases, GROUPS);
  const reference = await buildState(onMain, aliases, GROUPS);
  // The term tree in the same order, the same postings, field lengths and averages.
  assert.equal(JSON.stringify(pooled.mini), JSON.stringify(reference.mini));
  assert.deepEqual([...pooled.passages.values()], [...reference.passages.values()]);
  assert.deepEqual(pooled.stats, reference.stats);
  assert.ok(pooled.mini.postings('lukashenko', 0)?.size, 'the alias group was applied in the workers');
});

test('a build fed while the pool reads (onDocument, in folder order) equals one built from the finished scan', async (t) => {
  const dir = await largeFolder();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const aliases = aliasTableFor(GROUPS);
  const builder = new StateBuilder(aliases, GROUPS);
  const fed: { file: string; fingerprint: FileFingerprint | null }[] = [];
  let adding = 0;
  const scan = await scanKnowledge(dir, {
    analyse: { aliasGroups: GROUPS, signature: aliases.signature },
    onDocument: async (doc, fingerprint) => {
      assert.equal(adding, 0, 'awaited before the next document');
      adding++;
      fed.push({ file: doc.file, fingerprint });
      await builder.add(doc, fingerprint);
      adding--;
    },
  });
  const streamed = await builder.finish();

  assert.deepEqual(
    fed.map((f) => f.file),
    scan.documents.map((d) => d.file),
  );
  assert.equal(fed.length, BULK_FILES + 6, 'every readable file, the binary one left out');
  assert.deepEqual(
    fed.flatMap((f) => (f.fingerprint ? [[f.file, f.fingerprint]] : [])),
    [...scan.fingerprints],
  );
  // The workers' terms were taken by the streamed build: this one analyses on the main thread.
  const listed = await buildState(scan.documents, aliases, GROUPS, scan.fingerprints);
  assert.equal(JSON.stringify(streamed.mini), JSON.stringify(listed.mini));
  assert.deepEqual([...streamed.passages.values()], [...listed.passages.values()]);
  // Files this fresh have no fingerprint yet, so each build dates them when it started.
  const undated = (state: typeof listed) => [...state.documents.values()].map(({ addedAt, ...d }) => d);
  assert.deepEqual(undated(streamed), undated(listed));
  assert.deepEqual(streamed.stats, listed.stats);
});
