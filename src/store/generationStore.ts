import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchState } from '../search/searchState.js';
import { aliasTableFor } from '../text/aliasTable.js';
import { ANALYZER_SIGNATURE } from '../text/analyzerSignature.js';
import type { Passage, SkippedDocument } from '../types.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';
import { decodeIndex, encodeIndex } from './indexCodec.js';
import { readLines, writeLines } from './jsonLines.js';
import { FILES, FORMAT_VERSION, type Manifest } from './manifest.js';

/**
 * Each saved index is a generation folder under DATA_DIR/generations; DATA_DIR/current names the
 * one in use and the one before it. A generation is written under a temporary name and renamed
 * when complete, then `current` is replaced by rename: a crash at any point leaves the previous
 * generation loadable.
 */
const GENERATIONS = 'generations';
const CURRENT = 'current';

export interface CurrentPointer {
  generation: string;
  previous: string | null;
}

export class IndexLoadError extends Error {}

export interface SavedIndex {
  state: SearchState;
  skipped: SkippedDocument[];
  generation: string;
}

function generationName(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

async function* passageLines(state: SearchState): AsyncGenerator<string> {
  const slicer = new TimeSlicer();
  for (const passage of state.passages.values()) {
    yield JSON.stringify(passage);
    await slicer.maybeYield();
  }
}

export async function readPointer(dataDir: string): Promise<CurrentPointer | null> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, CURRENT), 'utf8');
  } catch {
    return null;
  }
  try {
    const pointer = JSON.parse(raw) as CurrentPointer;
    if (typeof pointer.generation !== 'string') throw new Error('no generation');
    return pointer;
  } catch {
    throw new IndexLoadError(`${join(dataDir, CURRENT)} is corrupt`);
  }
}

async function writePointer(dataDir: string, pointer: CurrentPointer): Promise<void> {
  const temporary = join(dataDir, `${CURRENT}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, JSON.stringify(pointer), { flag: 'wx' });
  await rename(temporary, join(dataDir, CURRENT));
}

/** Removes generations other than the current and previous ones, and abandoned temporary folders. */
async function prune(dataDir: string, keep: CurrentPointer): Promise<void> {
  const root = join(dataDir, GENERATIONS);
  for (const name of await readdir(root)) {
    if (name === keep.generation || name === keep.previous) continue;
    await rm(join(root, name), { recursive: true, force: true });
  }
}

export async function saveIndex(
  dataDir: string,
  state: SearchState,
  skipped: SkippedDocument[],
): Promise<string> {
  const root = join(dataDir, GENERATIONS);
  await mkdir(root, { recursive: true });
  const name = generationName();
  const temporary = join(root, `.tmp-${name}`);
  await mkdir(temporary);
  try {
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      analyzerSignature: ANALYZER_SIGNATURE,
      builtAt: state.builtAt,
      passageCount: state.passages.size,
      aliasGroups: state.aliasGroups,
      documents: [...state.documents.values()],
      skipped,
    };
    await writeLines(join(temporary, FILES.passages), passageLines(state));
    await writeLines(join(temporary, FILES.index), encodeIndex(state.mini));
    await writeLines(join(temporary, FILES.manifest), [JSON.stringify(manifest)]);
    await rename(temporary, join(root, name));
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const before = await readPointer(dataDir).catch(() => null);
  const pointer = { generation: name, previous: before?.generation ?? null };
  await writePointer(dataDir, pointer);
  await prune(dataDir, pointer);
  return name;
}

async function readManifest(folder: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(folder, FILES.manifest), 'utf8')) as Manifest;
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new IndexLoadError(`index format ${manifest.formatVersion} is not ${FORMAT_VERSION}`);
  if (manifest.analyzerSignature !== ANALYZER_SIGNATURE)
    throw new IndexLoadError(`index was built by another text analyzer (${manifest.analyzerSignature})`);
  return manifest;
}

async function readPassages(folder: string): Promise<Map<string, Passage>> {
  const slicer = new TimeSlicer();
  const passages = new Map<string, Passage>();
  for await (const line of readLines(join(folder, FILES.passages))) {
    if (line.length === 0) continue;
    const passage = JSON.parse(line) as Passage;
    passages.set(passage.id, passage);
    await slicer.maybeYield();
  }
  return passages;
}

export async function loadGeneration(dataDir: string, generation: string): Promise<SavedIndex> {
  const folder = join(dataDir, GENERATIONS, generation);
  try {
    const manifest = await readManifest(folder);
    const passages = await readPassages(folder);
    const { mini, stats } = await decodeIndex(readLines(join(folder, FILES.index)));
    if (passages.size !== manifest.passageCount || mini.documentCount !== manifest.passageCount)
      throw new IndexLoadError(
        `counts disagree: manifest ${manifest.passageCount}, passages ${passages.size}, index ${mini.documentCount}`,
      );
    const documents = new Map(manifest.documents.map((d) => [d.id, d]));
    const aliasGroups = manifest.aliasGroups ?? [];
    const aliases = aliasTableFor(aliasGroups);
    const state: SearchState = {
      mini,
      stats,
      passages,
      documents,
      aliases,
      aliasGroups,
      builtAt: manifest.builtAt,
    };
    return { state, skipped: manifest.skipped, generation };
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    throw new IndexLoadError(`index ${generation} is unreadable: ${(error as Error).message}`);
  }
}

/** The index in use, or null when none was saved yet. Throws IndexLoadError when it cannot be read. */
export async function loadCurrentIndex(dataDir: string): Promise<SavedIndex | null> {
  const pointer = await readPointer(dataDir);
  return pointer ? loadGeneration(dataDir, pointer.generation) : null;
}
