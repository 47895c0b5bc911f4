import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { BuildOutcome, LoadOutcome } from './childTask.js';
import { editDocument, generateCorpus, renderDocument } from './corpus.js';
import {
  DISCORD_INTERACTIONS,
  DISCORD_WARMUP,
  measureDiscord,
  QUESTIONS_PER_MEMBER,
} from './discordLatency.js';
import { buildQuerySet } from './querySet.js';
import type {
  BenchResults,
  DiscordLatencyResults,
  DiscordSizeResult,
  SideResult,
  SizeResult,
} from './results.js';
import { runChild } from './runChild.js';
import { readSeedSentences } from './seedSentences.js';
import { checkDiscordTargets, checkTargets } from './targets.js';
import { writeCorpus } from './writeCorpus.js';

export interface BenchOptions {
  sizes: number[];
  queries: number;
  seed: number;
  knowledgeDir: string;
  questions: string[];
  /** Also time /ask and autocomplete through the real bot and the Discord emulator. */
  discord: boolean;
  log: (line: string) => void;
}

type DiscordOutcome = DiscordSizeResult | { error: string };

const WARMUP = 20;
/** One-document reindexes timed in a row (different files): their median is the figure. */
const ONE_DOCUMENT_EDITS = 5;
/**
 * Plain minisearch peaked at 2 GB for 100k passages and grows with the corpus (and its JSON
 * passes V8's longest string past a few hundred thousand): above this it is not run.
 */
const PLAIN_MAX_PASSAGES = 200_000;
/** Queries timed from the first one after a fresh load (the "first 100 queries"). */
const FIRST_QUERIES = 100;

/** A child gets 4 ms per passage, at least a minute: generous, but a hung child cannot stall the run. */
function childTimeoutMs(passages: number): number {
  return Math.max(60_000, passages * 4);
}

function side(build: BuildOutcome, load: LoadOutcome): SideResult {
  const result: SideResult = {
    fullReindexMs: build.fullReindexMs,
    fullReindexBlockMs: build.fullReindexBlockMs,
    incrementalMs: build.incrementalMs,
    incrementalBlockMs: build.incrementalBlockMs,
    loadMs: load.loadMs,
    loadBlockMs: load.loadBlockMs,
    diskBytes: build.diskBytes,
    peakRssBuildMB: build.peakRssMB,
    peakRssLoadMB: load.peakRssMB,
    rssAfterLoadMB: load.rssAfterLoadMB,
    queries: build.queries.summary,
    slowestQueries: build.queries.slowest,
  };
  if (build.incrementalFirstMs !== undefined) result.incrementalFirstMs = build.incrementalFirstMs;
  if (build.incrementalRuns !== undefined) result.incrementalRuns = build.incrementalRuns;
  if (build.incrementalMode !== undefined) result.incrementalMode = build.incrementalMode;
  if (build.incrementalApplyMs !== undefined) result.incrementalApplyMs = build.incrementalApplyMs;
  if (build.incrementalSaveMs !== undefined) result.incrementalSaveMs = build.incrementalSaveMs;
  if (load.firstAnswerMs !== undefined) result.firstAnswerMs = load.firstAnswerMs;
  if (load.firstQueries !== undefined) result.firstQueries = load.firstQueries;
  if (load.rollbackMs !== undefined) result.rollbackMs = load.rollbackMs;
  if (load.rollbackBlockMs !== undefined) result.rollbackBlockMs = load.rollbackBlockMs;
  if (load.peakRssRollbackMB !== undefined) result.peakRssRollbackMB = load.peakRssRollbackMB;
  if (build.peakRssBeforeBreakdownMB !== undefined)
    result.peakRssBeforeBreakdownMB = build.peakRssBeforeBreakdownMB;
  if (load.loadSyncMs !== undefined) result.loadSyncMs = load.loadSyncMs;
  if (load.loadSyncBlockMs !== undefined) result.loadSyncBlockMs = load.loadSyncBlockMs;
  if (build.breakdown) result.breakdown = build.breakdown;
  return result;
}

/** Checks that both sides and both loads saw the same passages, so the figures compare like with like. */
function sanityProblems(
  oursBuild: BuildOutcome,
  plainBuild: BuildOutcome | null,
  oursLoad: LoadOutcome,
  plainLoad: LoadOutcome | null,
) {
  const problems: string[] = [];
  const n = oursBuild.passages;
  if (oursBuild.skipped > 0) problems.push(`our engine skipped ${oursBuild.skipped} synthetic files`);
  if (plainBuild && plainBuild.passages !== n)
    problems.push(`plain indexed ${plainBuild.passages} passages, ours ${n}`);
  if (oursLoad.passages !== n)
    problems.push(
      `our saved index loaded ${oursLoad.passages} passages, not ${n}: load figures are not a real load`,
    );
  if (plainLoad && plainBuild && plainLoad.passages !== plainBuild.passages)
    problems.push(`plain loaded ${plainLoad.passages} passages, not ${plainBuild.passages}`);
  if (oursBuild.incrementalMode !== 'incremental')
    problems.push(`the one-document reindex ran in mode "${oursBuild.incrementalMode}", not "incremental"`);
  return problems;
}

async function benchSize(
  root: string,
  passages: number,
  sentences: string[],
  queries: string[],
  options: BenchOptions,
): Promise<{ size: SizeResult; discord?: DiscordOutcome }> {
  const dir = join(root, `size-${passages}`);
  const knowledgeDir = join(dir, 'knowledge');
  const dataDir = join(dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const log = (msg: string) => options.log(`[${passages}] ${msg}`);

  const generated = performance.now();
  const docs = generateCorpus({ passages, seed: options.seed, sentences });
  const corpusBytes = await writeCorpus(knowledgeDir, docs);
  const generateMs = performance.now() - generated;
  log(`corpus: ${docs.length} files, ${(corpusBytes / 1e6).toFixed(1)} MB in ${Math.round(generateMs)} ms`);

  // The middle document first (plain minisearch replays that one), then others spread over the folder,
  // at the middles of equal stretches of it (1/8, 3/8, 5/8, 7/8 for four), so none is the middle one.
  const target = docs[Math.floor(docs.length / 2)]!;
  const stretches = ONE_DOCUMENT_EDITS - 1;
  const others = Array.from(
    { length: stretches },
    (_, k) => docs[Math.floor(((2 * k + 1) * docs.length) / (2 * stretches))]!,
  ).filter((doc) => doc !== target);
  const edits = [target, ...new Set(others)].map((doc) => ({
    path: join(knowledgeDir, doc.file),
    content: renderDocument(editDocument(doc, sentences, options.seed)),
    documentId: doc.id,
  }));
  const files = {
    passagesFile: join(dir, 'passages.jsonl'),
    changedPassagesFile: join(dir, 'changed-passages.jsonl'),
    indexFile: join(dir, 'plain-index.json'),
  };
  const timeout = childTimeoutMs(passages);

  const runPlain = passages <= PLAIN_MAX_PASSAGES;
  log('ours: build, queries, incremental reindex');
  const oursBuild = await runChild<BuildOutcome>(
    {
      kind: 'ours-build',
      knowledgeDir,
      dataDir,
      scratchDir: join(dir, 'scratch-data'),
      ...files,
      edits,
      queries,
      warmup: WARMUP,
      // A second full build beside the first: above 200k it would measure the machine's memory, not ours.
      breakdown: runPlain,
    },
    timeout,
  );
  if (runPlain) log('plain: build, queries, incremental');
  else log(`plain: not run above ${PLAIN_MAX_PASSAGES} passages (it would need about 20 GB here)`);
  const plainBuild = runPlain
    ? await runChild<BuildOutcome>(
        { kind: 'plain-build', ...files, changedDocumentId: target.id, queries, warmup: WARMUP },
        timeout,
      )
    : null;
  log('ours: load');
  const loaded = await runChild<LoadOutcome>(
    { kind: 'ours-load', knowledgeDir, dataDir, sync: false, firstQueries: queries.slice(0, FIRST_QUERIES) },
    timeout,
  );
  log('ours: load + sync with files');
  const synced = await runChild<LoadOutcome>(
    { kind: 'ours-load', knowledgeDir, dataDir, sync: true },
    timeout,
  );
  log('ours: load, then rollback');
  const rolledBack = await runChild<LoadOutcome>(
    { kind: 'ours-load', knowledgeDir, dataDir, sync: false, rollback: true },
    timeout,
  );
  const oursLoad: LoadOutcome = {
    ...loaded,
    loadSyncMs: synced.loadMs,
    loadSyncBlockMs: synced.loadBlockMs,
    peakRssMB: Math.max(loaded.peakRssMB, synced.peakRssMB),
  };
  if (rolledBack.rollbackMs !== undefined) oursLoad.rollbackMs = rolledBack.rollbackMs;
  if (rolledBack.rollbackBlockMs !== undefined) oursLoad.rollbackBlockMs = rolledBack.rollbackBlockMs;
  oursLoad.peakRssRollbackMB = rolledBack.peakRssMB;
  if (runPlain) log('plain: load');
  const plainLoad = runPlain
    ? await runChild<LoadOutcome>({ kind: 'plain-load', indexFile: files.indexFile }, timeout)
    : null;
  let discord: DiscordOutcome | undefined;
  if (options.discord) {
    log(
      `discord: ${DISCORD_INTERACTIONS} /ask and ${DISCORD_INTERACTIONS} autocompletes through the emulator`,
    );
    discord = await measureDiscord({
      passages,
      knowledgeDir,
      dataDir,
      queries,
      seed: options.seed,
      readyTimeoutMs: timeout,
      log,
    }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`discord: failed: ${message}`);
      return { error: message };
    });
  }
  await rm(dir, { recursive: true, force: true });

  const problems = sanityProblems(oursBuild, plainBuild, oursLoad, plainLoad);
  for (const problem of problems) log(`problem: ${problem}`);
  const ours = side(oursBuild, oursLoad);
  ours.answeredShare = oursBuild.queries.count / Math.max(queries.length, 1);
  const plain = plainBuild && plainLoad ? side(plainBuild, plainLoad) : null;
  if (plain && plainBuild) plain.meanResults = plainBuild.queries.count / Math.max(queries.length, 1);
  const size: SizeResult = {
    requestedPassages: passages,
    passages: oursBuild.passages,
    documents: oursBuild.documents,
    skipped: oursBuild.skipped,
    corpusBytes,
    generateMs,
    ours,
    plain,
    problems,
  };
  return discord ? { size, discord } : { size };
}

function discordSection(
  outcomes: readonly { requestedPassages: number; outcome: DiscordOutcome }[],
): DiscordLatencyResults {
  const section: DiscordLatencyResults = {
    interactions: DISCORD_INTERACTIONS,
    warmup: DISCORD_WARMUP,
    questionsPerMember: QUESTIONS_PER_MEMBER,
    sizes: [],
    failures: [],
  };
  for (const { requestedPassages, outcome } of outcomes) {
    if ('error' in outcome) section.failures.push({ requestedPassages, error: outcome.error });
    else section.sizes.push(outcome);
  }
  return section;
}

/** Every size in turn, each side in its own child processes, in a temporary folder removed at the end. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const sentences = await readSeedSentences(options.knowledgeDir);
  const querySet = buildQuerySet(options.questions, options.queries, options.seed);
  const queries = querySet.map((q) => q.query);
  const queryKinds: Record<string, number> = {};
  for (const q of querySet) queryKinds[q.kind] = (queryKinds[q.kind] ?? 0) + 1;
  options.log(`${sentences.length} seed sentences, ${queries.length} queries`);

  const root = await mkdtemp(join(os.tmpdir(), 'crisis-desk-bench-'));
  const sizes: SizeResult[] = [];
  const discordOutcomes: { requestedPassages: number; outcome: DiscordOutcome }[] = [];
  try {
    for (const passages of options.sizes) {
      const { size, discord } = await benchSize(root, passages, sentences, queries, options);
      sizes.push(size);
      if (discord) discordOutcomes.push({ requestedPassages: passages, outcome: discord });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  const largest = sizes.at(-1);
  const discord = options.discord ? discordSection(discordOutcomes) : undefined;
  const largestDiscord = discord?.sizes.find((d) => d.requestedPassages === largest?.requestedPassages);
  const cpus = os.cpus();
  const results: BenchResults = {
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    },
    options: { sizes: options.sizes, queries: options.queries, seed: options.seed, warmup: WARMUP },
    queryKinds,
    sizes,
    targets: sizes.flatMap((size) => {
      const checks = checkTargets(size.requestedPassages, size.ours);
      if (size === largest && discord && size.requestedPassages === 100_000)
        checks.push(...checkDiscordTargets(largestDiscord));
      return checks.length > 0 ? [{ passages: size.requestedPassages, checks }] : [];
    }),
  };
  if (discord) results.discord = discord;
  return results;
}
