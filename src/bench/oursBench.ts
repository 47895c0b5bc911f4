import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Engine } from '../engine/engine.js';
import { readPointer } from '../store/generationStore.js';
import { buildBreakdown } from './buildBreakdown.js';
import type { BuildOutcome, ChildTask, LoadOutcome } from './childTask.js';
import { monitored } from './eventLoopMonitor.js';
import { folderSize } from './folderSize.js';
import { collectGarbage, peakRssMB, rssMB } from './memory.js';
import { writePassages } from './passageFiles.js';
import { timeQueries } from './timeQueries.js';

type OursBuildTask = Extract<ChildTask, { kind: 'ours-build' }>;
type OursLoadTask = Extract<ChildTask, { kind: 'ours-load' }>;

export async function oursBuild(task: OursBuildTask): Promise<BuildOutcome> {
  collectGarbage();
  const open = await monitored(() => Engine.open({ knowledgeDir: task.knowledgeDir, dataDir: task.dataDir }));
  const engine = open.value;
  const state = engine.current;
  const passages = state.passages.size;
  await writePassages(task.passagesFile, state.passages.values());

  collectGarbage();
  const queries = timeQueries(task.queries, task.warmup, (q) =>
    engine.ask(q, { limit: 3 }).answered ? 1 : 0,
  );

  await writeFile(task.edit.path, task.edit.content);
  collectGarbage();
  const incremental = await monitored(() => engine.reindex());
  const changed = engine.current.documents.get(task.edit.documentId);
  const changedPassages = (changed?.passageIds ?? []).flatMap((id) => {
    const p = engine.current.passages.get(id);
    return p ? [p] : [];
  });
  await writePassages(task.changedPassagesFile, changedPassages);

  const pointer = await readPointer(task.dataDir);
  const diskBytes = pointer ? await folderSize(join(task.dataDir, 'generations', pointer.generation)) : 0;
  const breakdown = task.breakdown
    ? await buildBreakdown(task.knowledgeDir, task.scratchDir, engine.current)
    : undefined;

  const outcome: BuildOutcome = {
    passages,
    documents: state.documents.size,
    skipped: engine.skipped.length,
    fullReindexMs: open.ms,
    fullReindexBlockMs: open.blockMs,
    incrementalMs: incremental.ms,
    incrementalBlockMs: incremental.blockMs,
    incrementalMode: incremental.value.mode,
    diskBytes,
    queries,
    peakRssMB: peakRssMB(),
  };
  if (breakdown) outcome.breakdown = breakdown;
  return outcome;
}

export async function oursLoad(task: OursLoadTask): Promise<LoadOutcome> {
  collectGarbage();
  const options = { knowledgeDir: task.knowledgeDir, dataDir: task.dataDir };
  let load: Awaited<ReturnType<typeof monitored<Engine>>> | null = await monitored(() =>
    Engine.open({ ...options, syncOnOpen: false }),
  );
  const rssAfterLoadMB = rssMB();
  const passages = load.value.current.passages.size;
  const { ms: loadMs, blockMs: loadBlockMs } = load;
  load = null;
  collectGarbage();
  const sync = await monitored(() => Engine.open({ ...options, syncOnOpen: true }));
  return {
    passages,
    loadMs,
    loadBlockMs,
    rssAfterLoadMB,
    loadSyncMs: sync.ms,
    loadSyncBlockMs: sync.blockMs,
    peakRssMB: peakRssMB(),
  };
}
