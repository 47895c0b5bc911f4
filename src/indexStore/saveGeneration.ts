import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchState } from '../search/searchState.js';
import { ANALYZER_SIGNATURE } from '../text/analyzerSignature.js';
import type { SkippedDocument } from '../types.js';
import { crashPoint } from '../util/crashPoint.js';
import { pathExists } from '../util/pathExists.js';
import { baseOf, type DeltaBase, planDelta } from './deltaPolicy.js';
import { generationName, generationsRoot } from './generationNames.js';
import { encodeIndex } from './indexCodec.js';
import { type CurrentPointer, readPointer, writePointer } from './indexPointer.js';
import { writeLines } from './jsonLines.js';
import { FILES, FORMAT_VERSION, type Manifest } from './manifest.js';
import { encodePassages } from './passageCodec.js';
import { pruneGenerations } from './pruneGenerations.js';

/**
 * A generation is written under a temporary name and renamed when complete, then DATA_DIR/current
 * is replaced by rename: a crash at any point leaves the previous generation loadable.
 */
export interface SaveResult {
  generation: string;
  kind: 'full' | 'delta';
  base: DeltaBase;
  /** A delta past its limit was saved: a full save should follow (GenerationSync.saveInFull). */
  fullSaveDue: boolean;
}

export interface SaveOptions {
  /**
   * The state is the current generation's, saved again in full (a full save that was due): it takes
   * the current one's place, so the previous generation, what a rollback goes back to, stays.
   */
  inPlaceOfCurrent?: boolean;
}

/** index.jsonl and postings.bin in one pass: the lines are small and kept until the end. */
async function writeIndexFiles(folder: string, state: SearchState): Promise<void> {
  const lines: string[] = [];
  const postings = await open(join(folder, FILES.postings), 'wx');
  try {
    for await (const part of encodeIndex(state.mini)) {
      if ('line' in part) lines.push(part.line);
      else await postings.write(part.bytes);
    }
    await postings.sync();
  } finally {
    await postings.close();
  }
  await writeLines(join(folder, FILES.index), lines);
}

/**
 * Saves the state as a new generation and makes it current: a delta on `base` when the change since
 * that full generation is small, else a full one (which becomes the base of later deltas).
 */
export async function saveIndex(
  dataDir: string,
  state: SearchState,
  skipped: SkippedDocument[],
  base?: DeltaBase | null,
  /** Called when the generation is complete, right before it becomes current; may throw to stop that. */
  beforeCommit: () => Promise<void> = async () => {},
  options: SaveOptions = {},
): Promise<SaveResult> {
  const root = generationsRoot(dataDir);
  await mkdir(root, { recursive: true });
  const name = generationName();
  const temporary = join(root, `.tmp-${name}`);
  // Another process may have saved meanwhile and pruned the base this process remembers.
  const plan =
    base && (await pathExists(join(root, base.generation, FILES.manifest))) ? planDelta(state, base) : null;
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    analyzerSignature: ANALYZER_SIGNATURE,
    builtAt: state.builtAt,
    passageCount: state.passages.size,
    aliasGroups: state.aliasGroups,
    documents: [...state.documents.values()],
    skipped,
  };
  await mkdir(temporary);
  try {
    if (plan && base) {
      const { nextId, averageFieldLength } = state.mini.figures();
      manifest.documents = plan.records;
      manifest.delta = {
        base: base.generation,
        nextId,
        averageFieldLength,
        documentIds: [...state.documents.keys()],
      };
      await writeLines(
        join(temporary, FILES.delta),
        encodePassages(plan.passages, state.passages, (id) => state.mini.shortIdOf(id)),
      );
    } else {
      await writeLines(
        join(temporary, FILES.passages),
        encodePassages(state.documents.values(), state.passages),
      );
      crashPoint('save:generation-half-written');
      await writeIndexFiles(temporary, state);
    }
    await writeLines(join(temporary, FILES.manifest), [JSON.stringify(manifest)]);
    await rename(temporary, join(root, name));
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  crashPoint('save:before-pointer');
  await beforeCommit();
  const before = await readPointer(dataDir).catch(() => null);
  const pointer: CurrentPointer = options.inPlaceOfCurrent
    ? {
        generation: name,
        previous: before?.previous ?? null,
        base: null,
        previousBase: before?.previousBase ?? null,
        ...(before?.rolledBack ? { rolledBack: before.rolledBack } : {}),
      }
    : {
        generation: name,
        previous: before?.generation ?? null,
        base: manifest.delta?.base ?? null,
        previousBase: before?.base ?? null,
      };
  try {
    await writePointer(dataDir, pointer);
  } catch (error) {
    // Named by no pointer, it would only wait for the next prune.
    await rm(join(root, name), { recursive: true, force: true });
    throw error;
  }
  crashPoint('save:before-prune');
  // Housekeeping: the new generation is current whatever happens here, and the next save prunes again.
  await pruneGenerations(dataDir, pointer).catch(() => {});
  const kind = manifest.delta ? 'delta' : 'full';
  return {
    generation: name,
    kind,
    base: kind === 'delta' && base ? base : baseOf(name, manifest),
    fullSaveDue: plan?.fullSaveDue ?? false,
  };
}
