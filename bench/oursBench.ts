import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Engine } from '../src/engine/engine.js';
import { warmUpQueries } from '../src/engine/warmUpQueries.js';
import { type CurrentPointer, readPointer } from '../src/indexStore/indexPointer.js';
import { buildBreakdown } from './buildBreakdown.js';
import type { BuildOutcome, ChildTask, LoadOutcome } from './childTask.js';
import { monitored } from './eventLoopMonitor.js';
import { folderSize } from './folderSize.js';
import { collectGarbage, peakRssMB, rssMB } from './memory.js';
import { writePassages } from './passageFiles.js';
import { percentile } from './percentiles.js';
import { timeQueries } from './timeQueries.js';

type OursBuildTask = Extract<ChildTask, { kind: 'ours-build' }>;
type OursLoadTask = Extract<ChildTask, { kind: 'ours-load' }>;

/** The index in use on disk: its generation, and the full one it is a delta of, if it is. */
async function generationBytes(dataDir: string, pointer: CurrentPointer): Promise<number> {
  const size = (name: string) => folderSize(join(dataDir, 'generations', name));
  return (await size(pointer.generation)) + (pointer.base ? await size(pointer.base) : 0);
}

export async function oursBuild(task: OursBuildTask): Promise<BuildOutcome> {
  await collectGarbage();
  const open = await monitored(() => Engine.open({ knowledgeDir: task.knowledgeDir, dataDir: task.dataDir }));
  const engine = open.value;
  const state = engine.current;
  const passages = state.passages.size;
  await writePassages(task.passagesFile, state.passages.values());

  await collectGarbage();
  const queries = timeQueries(task.queries, task.warmup, (q) =>
    engine.knowledge.ask(q, { limit: 3 }).answered ? 1 : 0,
  );

  const incremental = [];
  for (const edit of task.edits) {
    await writeFile(edit.path, edit.content);
    await collectGarbage();
    incremental.push(await monitored(() => engine.reindex()));
  }
  // A full save that came due goes on after the last report: not under the breakdown's timing.
  await engine.settled();
  const modes = new Set(incremental.map((r) => r.value.mode));
  const changed = engine.current.documents.get(task.edits[0]?.documentId ?? '');
  const changedPassages = (changed?.passageIds ?? []).flatMap((id) => {
    const p = engine.current.passages.get(id);
    return p ? [p] : [];
  });
  await writePassages(task.changedPassagesFile, changedPassages);

  const pointer = await readPointer(task.dataDir);
  const diskBytes = pointer ? await generationBytes(task.dataDir, pointer) : 0;
  const peakRssBeforeBreakdownMB = peakRssMB();
  const breakdown = task.breakdown
    ? await buildBreakdown(task.knowledgeDir, task.scratchDir, engine.current)
    : undefined;

  const outcome: BuildOutcome = {
    passages,
    documents: state.documents.size,
    skipped: engine.knowledge.skipped().length,
    fullReindexMs: open.ms,
    fullReindexBlockMs: open.blockMs,
    incrementalMs: percentile(
      incremental.map((r) => r.ms),
      50,
    ),
    incrementalBlockMs: Math.max(...incremental.map((r) => r.blockMs)),
    incrementalMode: modes.size === 1 ? [...modes][0] : 'mixed',
    incrementalApplyMs: percentile(
      incremental.map((r) => r.value.applyMs),
      50,
    ),
    incrementalSaveMs: percentile(
      incremental.map((r) => r.value.saveMs),
      50,
    ),
    peakRssBeforeBreakdownMB,
    diskBytes,
    queries,
    peakRssMB: peakRssMB(),
  };
  if (incremental[0]) outcome.incrementalFirstMs = incremental[0].ms;
  outcome.incrementalRuns = incremental.length;
  if (breakdown) outcome.breakdown = breakdown;
  return outcome;
}

/** The first queries a freshly loaded engine answers, each timed, the very first on its own. */
function firstQueries(engine: Engine, queries: readonly string[]): Partial<LoadOutcome> {
  if (queries.length === 0) return {};
  const timing = timeQueries(queries, 0, (q) => (engine.knowledge.ask(q, { limit: 3 }).answered ? 1 : 0));
  return { firstAnswerMs: timing.times[0]!, firstQueries: timing.summary };
}

/**
 * One Engine.open from the saved DATA_DIR, with or without the sync: each in a fresh child, as a bot
 * starts, so neither is billed for the memory the other left behind.
 */
export async function oursLoad(task: OursLoadTask): Promise<LoadOutcome> {
  await collectGarbage();
  const load = await monitored(() =>
    Engine.open({ knowledgeDir: task.knowledgeDir, dataDir: task.dataDir, syncOnOpen: task.sync }),
  );
  // As the bot does once the index is loaded (while it logs in to Discord).
  if (task.firstQueries) await warmUpQueries(load.value.current);
  const outcome: LoadOutcome = {
    passages: load.value.current.passages.size,
    ...firstQueries(load.value, task.firstQueries ?? []),
    loadMs: load.ms,
    loadBlockMs: load.blockMs,
    rssAfterLoadMB: rssMB(),
    peakRssMB: peakRssMB(),
  };
  if (task.rollback) {
    const engine = load.value;
    await collectGarbage();
    const rollback = await monitored(() => engine.rollback());
    outcome.rollbackMs = rollback.ms;
    outcome.rollbackBlockMs = rollback.blockMs;
    outcome.peakRssMB = peakRssMB();
    // Forward again, and a reindex to end the rollback's pause: DATA_DIR serves as before.
    await engine.rollback();
    await engine.reindex();
  }
  return outcome;
}
