import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchState } from '../search/searchState.js';
import { aliasTableFor } from '../text/aliasTable.js';
import type { Passage, SkippedDocument } from '../types.js';
import { applyDelta } from './applyDelta.js';
import { baseOf, type DeltaBase } from './deltaPolicy.js';
import { IndexLoadError } from './errors.js';
import { generationsRoot, isGenerationName } from './generationNames.js';
import { decodeIndex } from './indexCodec.js';
import { type RolledBack, readPointer } from './indexPointer.js';
import { readLines } from './jsonLines.js';
import { decodeManifest, FILES, type Manifest } from './manifest.js';
import { decodePassages } from './passageCodec.js';

export interface SavedIndex {
  state: SearchState;
  skipped: SkippedDocument[];
  generation: string;
  base: DeltaBase;
  /** Set when the pointer says a rollback made this generation current. */
  rolledBack?: RolledBack;
}

/**
 * A delta's manifest with every document's record: its own (the ones that differ from the base)
 * and the base's, in the delta's order.
 */
function resolveDocuments(manifest: Manifest, baseManifest: Manifest): Manifest {
  const ids = manifest.delta?.documentIds ?? [];
  const own = new Map(manifest.documents.map((d) => [d.id, d]));
  const inBase = new Map(baseManifest.documents.map((d) => [d.id, d]));
  const documents = ids.map((id) => {
    const doc = own.get(id) ?? inBase.get(id);
    if (!doc) throw new IndexLoadError(`delta lists document ${id}, found neither in it nor in its base`);
    return doc;
  });
  return { ...manifest, documents };
}

async function readManifest(folder: string): Promise<Manifest> {
  return decodeManifest(await readFile(join(folder, FILES.manifest), 'utf8'));
}

async function loadFull(
  folder: string,
  manifest: Manifest,
  beside: ReadonlyMap<string, Passage> | undefined,
): Promise<SearchState> {
  const passages = new Map<string, Passage>();
  await decodePassages(
    readLines(join(folder, FILES.passages)),
    ({ passage }) => {
      passages.set(passage.id, passage);
    },
    beside,
  );
  const postings = await readFile(join(folder, FILES.postings));
  const { mini, stats } = await decodeIndex(readLines(join(folder, FILES.index)), postings);
  if (passages.size !== manifest.passageCount || mini.documentCount !== manifest.passageCount)
    throw new IndexLoadError(
      `counts disagree: manifest ${manifest.passageCount}, passages ${passages.size}, index ${mini.documentCount}`,
    );
  const { aliasGroups } = manifest;
  return {
    mini,
    stats,
    passages,
    documents: new Map(manifest.documents.map((d) => [d.id, d])),
    aliases: aliasTableFor(aliasGroups),
    aliasGroups,
    builtAt: manifest.builtAt,
  };
}

/**
 * A saved generation, loaded. `beside`: the passages of the index served meanwhile, whose texts the
 * loaded one shares where they are the same (see decodePassages).
 */
export async function loadGeneration(
  dataDir: string,
  generation: string,
  beside?: ReadonlyMap<string, Passage>,
): Promise<SavedIndex> {
  if (!isGenerationName(generation))
    throw new IndexLoadError('asked to load something that is not a generation name');
  const folder = join(generationsRoot(dataDir), generation);
  try {
    const manifest = await readManifest(folder);
    if (!manifest.delta) {
      const state = await loadFull(folder, manifest, beside);
      return { state, skipped: manifest.skipped, generation, base: baseOf(generation, manifest) };
    }
    const baseName = manifest.delta.base;
    if (!isGenerationName(baseName))
      throw new IndexLoadError(`delta ${generation} names a base that is not a generation name`);
    const baseFolder = join(generationsRoot(dataDir), baseName);
    const baseManifest = await readManifest(baseFolder);
    if (baseManifest.delta) throw new IndexLoadError(`delta ${generation} is based on another delta`);
    const state = await loadFull(baseFolder, baseManifest, beside);
    const resolved = resolveDocuments(manifest, baseManifest);
    await applyDelta(state, baseManifest, resolved, readLines(join(folder, FILES.delta)), beside);
    return { state, skipped: manifest.skipped, generation, base: baseOf(baseName, baseManifest) };
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    throw new IndexLoadError(`index ${generation} is unreadable: ${(error as Error).message}`);
  }
}

/** The index in use, or null when none was saved yet. Throws IndexLoadError when it cannot be read. */
export async function loadCurrentIndex(dataDir: string): Promise<SavedIndex | null> {
  const pointer = await readPointer(dataDir);
  if (!pointer) return null;
  const saved = await loadGeneration(dataDir, pointer.generation);
  return pointer.rolledBack ? { ...saved, rolledBack: pointer.rolledBack } : saved;
}
