import { readFile, writeFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import type { BuildOutcome, ChildTask, LoadOutcome } from './childTask.js';
import { monitored } from './eventLoopMonitor.js';
import { collectGarbage, peakRssMB, rssMB } from './memory.js';
import { readPassages } from './passageFiles.js';
import { timeQueries } from './timeQueries.js';

type PlainBuildTask = Extract<ChildTask, { kind: 'plain-build' }>;
type PlainLoadTask = Extract<ChildTask, { kind: 'plain-load' }>;

interface PlainDoc {
  id: string;
  text: string;
}

/** minisearch as it comes: default tokenizer and processTerm, no stop words, nothing stored. */
export const PLAIN_OPTIONS = { fields: ['text'], storeFields: [] as string[] };

export async function plainBuild(task: PlainBuildTask): Promise<BuildOutcome> {
  const passages = await readPassages(task.passagesFile);
  const docs: PlainDoc[] = passages.map(({ id, text }) => ({ id, text }));
  const oldIds = passages.filter((p) => p.documentId === task.changedDocumentId).map((p) => p.id);
  const changed: PlainDoc[] = (await readPassages(task.changedPassagesFile)).map(({ id, text }) => ({
    id,
    text,
  }));

  await collectGarbage();
  const mini = new MiniSearch<PlainDoc>(PLAIN_OPTIONS);
  const full = await monitored(() => mini.addAll(docs));

  await collectGarbage();
  const queries = timeQueries(task.queries, task.warmup, (q) => mini.search(q).length);

  await collectGarbage();
  const incremental = await monitored(() => {
    for (const id of oldIds) mini.discard(id);
    mini.addAll(changed);
  });

  const json = JSON.stringify(mini);
  await writeFile(task.indexFile, json);
  return {
    passages: mini.documentCount,
    documents: new Set(passages.map((p) => p.documentId)).size,
    skipped: 0,
    fullReindexMs: full.ms,
    fullReindexBlockMs: full.blockMs,
    incrementalMs: incremental.ms,
    incrementalBlockMs: incremental.blockMs,
    diskBytes: Buffer.byteLength(json),
    queries,
    peakRssMB: peakRssMB(),
  };
}

export async function plainLoad(task: PlainLoadTask): Promise<LoadOutcome> {
  await collectGarbage();
  const load = await monitored(async () =>
    MiniSearch.loadJSON<PlainDoc>(await readFile(task.indexFile, 'utf8'), PLAIN_OPTIONS),
  );
  return {
    passages: load.value.documentCount,
    loadMs: load.ms,
    loadBlockMs: load.blockMs,
    rssAfterLoadMB: rssMB(),
    peakRssMB: peakRssMB(),
  };
}
