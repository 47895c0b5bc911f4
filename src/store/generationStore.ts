import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileFingerprint, sameFingerprint } from '../knowledge/fingerprint.js';
import type { IndexedDocument, SearchState } from '../search/searchState.js';
import { aliasTableFor } from '../text/aliasTable.js';
import { ANALYZER_SIGNATURE } from '../text/analyzerSignature.js';
import type { Passage, SkippedDocument } from '../types.js';
import { crashPoint } from '../util/crashPoint.js';
import { pathExists } from '../util/pathExists.js';
import { applyDelta } from './applyDelta.js';
import { decodeIndex, encodeIndex } from './indexCodec.js';
import { readLines, writeLines } from './jsonLines.js';
import { FILES, FORMAT_VERSION, type Manifest } from './manifest.js';
import { decodePassages, encodePassages } from './passageCodec.js';

/**
 * Each saved index is a generation folder under DATA_DIR/generations; DATA_DIR/current names the
 * one in use and the one before it. A generation is written under a temporary name and renamed
 * when complete, then `current` is replaced by rename: a crash at any point leaves the previous
 * generation loadable.
 *
 * A generation is full (every passage and the whole index) or a delta: only the documents added or
 * changed since a full base generation, replayed on top of it when loading. A small reindex thus
 * writes kilobytes instead of the whole index; once a delta grows past DELTA_SHARE, a full
 * generation is written again.
 */
const GENERATIONS = 'generations';
const CURRENT = 'current';
/** Above this share of the passages (added, changed or removed since the base) a save is full. */
const DELTA_SHARE = 0.01;
const MIN_DELTA_PASSAGES = 500;

export interface CurrentPointer {
  generation: string;
  previous: string | null;
  /** The full generations the two above are deltas of, if they are (pruning keeps them). */
  base?: string | null;
  previousBase?: string | null;
  /** Set by a rollback: automatic reindexes pause until a moderator reindexes on purpose. */
  rolledBack?: RolledBack;
}

export interface RolledBack {
  /** The generation rolled back from (now `previous`). */
  from: string;
  at: string;
}

export class IndexLoadError extends Error {}

/**
 * DATA_DIR/current exists but cannot be read as a file (a folder in its place, no permission): no
 * saved index can be made current until an operator fixes it, so nothing should try.
 */
export class PointerUnreadableError extends IndexLoadError {}

/** A full generation, as a delta on top of it needs to know it. */
export interface DeltaBase {
  generation: string;
  /** Its documents: content hash, file, passage count and file fingerprint by id. */
  documents: ReadonlyMap<string, BaseDocument>;
  /** JSON of its alias groups: a delta cannot change them. */
  aliasGroups: string;
}

interface BaseDocument {
  hash: string;
  file: string;
  passages: number;
  fingerprint?: FileFingerprint;
}

/** What a delta on a base carries: the passages of documents whose content changed, the records of those whose record did. */
export interface DeltaPlan {
  passages: IndexedDocument[];
  records: IndexedDocument[];
}

export interface SavedIndex {
  state: SearchState;
  skipped: SkippedDocument[];
  generation: string;
  base: DeltaBase;
  /** Set when the pointer says a rollback made this generation current. */
  rolledBack?: RolledBack;
}

export interface SaveResult {
  generation: string;
  kind: 'full' | 'delta';
  base: DeltaBase;
}

function generationName(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/** Exactly what generationName() makes: a name read from disk becomes a path only if it is one. */
const GENERATION_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/;

export function isGenerationName(name: unknown): name is string {
  return typeof name === 'string' && GENERATION_NAME.test(name);
}

const isOptionalName = (name: unknown) => name === undefined || name === null || isGenerationName(name);

/** The parsed pointer when every name in it is a generation name, else null. */
function validPointer(parsed: unknown): CurrentPointer | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const p = parsed as Record<string, unknown>;
  if (!isGenerationName(p.generation)) return null;
  if (!isOptionalName(p.previous) || !isOptionalName(p.base) || !isOptionalName(p.previousBase)) return null;
  if (p.rolledBack !== undefined) {
    const r = p.rolledBack as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || !isGenerationName(r.from) || typeof r.at !== 'string')
      return null;
  }
  return { ...(p as unknown as CurrentPointer), previous: (p.previous as string | null | undefined) ?? null };
}

function baseOf(generation: string, manifest: Pick<Manifest, 'documents' | 'aliasGroups'>): DeltaBase {
  return {
    generation,
    documents: new Map(
      manifest.documents.map((d): [string, BaseDocument] => {
        const doc: BaseDocument = { hash: d.hash, file: d.file, passages: d.passageIds.length };
        if (d.fingerprint) doc.fingerprint = d.fingerprint;
        return [d.id, doc];
      }),
    ),
    aliasGroups: JSON.stringify(manifest.aliasGroups),
  };
}

/**
 * DATA_DIR/current, or null when there is none. Throws IndexLoadError when it is corrupt or names
 * anything but generations (a planted "../../etc" must never become a path), and
 * PointerUnreadableError when it is there but cannot be read.
 */
export async function readPointer(dataDir: string): Promise<CurrentPointer | null> {
  const file = join(dataDir, CURRENT);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new PointerUnreadableError(
      code === 'EISDIR'
        ? `${file} is a folder, not the index pointer file; move it away`
        : `${file} cannot be read (${code ?? (error as Error).message})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const pointer = validPointer(parsed);
  if (!pointer) throw new IndexLoadError(`${file} is corrupt`);
  return pointer;
}

export async function writePointer(dataDir: string, pointer: CurrentPointer): Promise<void> {
  const temporary = join(dataDir, `${CURRENT}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, JSON.stringify(pointer), { flag: 'wx' });
  crashPoint('save:pointer-temp-written');
  try {
    await rename(temporary, join(dataDir, CURRENT));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The pointer after a rollback: current and previous swap, so a second rollback undoes the first. */
export function rolledBackPointer(pointer: CurrentPointer, at: Date): CurrentPointer | null {
  if (!pointer.previous) return null;
  return {
    generation: pointer.previous,
    previous: pointer.generation,
    base: pointer.previousBase ?? null,
    previousBase: pointer.base ?? null,
    rolledBack: { from: pointer.generation, at: at.toISOString() },
  };
}

/** Removes generations the pointer does not need, abandoned temporary folders and pointer drafts. */
async function prune(dataDir: string, keep: CurrentPointer): Promise<void> {
  const root = join(dataDir, GENERATIONS);
  const needed = new Set([keep.generation, keep.previous, keep.base, keep.previousBase]);
  for (const name of await readdir(root)) {
    if (needed.has(name)) continue;
    await rm(join(root, name), { recursive: true, force: true });
  }
  // Left by a process killed between writing a pointer draft and renaming it (saves hold the lock).
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(`${CURRENT}.`) && name.endsWith('.tmp'))
      await rm(join(dataDir, name), { force: true });
  }
}

/** Passages a delta may touch (added, changed or removed since its base) before a full save is due. */
export function deltaLimit(passages: number): number {
  return Math.max(MIN_DELTA_PASSAGES, passages * DELTA_SHARE);
}

const sameContent = (a: { hash: string; file: string }, b: { hash: string; file: string }) =>
  a.hash === b.hash && a.file === b.file;

/** What a delta on `base` must carry, or null when a full save is the better deal. */
export function planDelta(
  state: SearchState,
  base: DeltaBase | null | undefined,
  limit = deltaLimit(state.passages.size),
): DeltaPlan | null {
  if (!base || base.aliasGroups !== JSON.stringify(state.aliasGroups)) return null;
  const plan: DeltaPlan = { passages: [], records: [] };
  let cost = 0;
  for (const doc of state.documents.values()) {
    const before = base.documents.get(doc.id);
    if (!before || !sameContent(before, doc)) {
      plan.passages.push(doc);
      plan.records.push(doc);
      cost += doc.passageIds.length;
    } else if (
      !(before.fingerprint === undefined && doc.fingerprint === undefined) &&
      !(before.fingerprint && doc.fingerprint && sameFingerprint(before.fingerprint, doc.fingerprint))
    )
      plan.records.push(doc);
  }
  for (const [id, before] of base.documents) {
    const now = state.documents.get(id);
    if (!now || !sameContent(before, now)) cost += before.passages;
  }
  return cost > limit ? null : plan;
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
): Promise<SaveResult> {
  const root = join(dataDir, GENERATIONS);
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
  const pointer: CurrentPointer = {
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
  await prune(dataDir, pointer).catch(() => {});
  const kind = manifest.delta ? 'delta' : 'full';
  return { generation: name, kind, base: kind === 'delta' && base ? base : baseOf(name, manifest) };
}

async function readManifest(folder: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(folder, FILES.manifest), 'utf8')) as Manifest;
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new IndexLoadError(`index format ${manifest.formatVersion} is not ${FORMAT_VERSION}`);
  if (manifest.analyzerSignature !== ANALYZER_SIGNATURE)
    throw new IndexLoadError(`index was built by another text analyzer (${manifest.analyzerSignature})`);
  return manifest;
}

async function loadFull(folder: string, manifest: Manifest): Promise<SearchState> {
  const passages = new Map<string, Passage>();
  await decodePassages(readLines(join(folder, FILES.passages)), ({ passage }) => {
    passages.set(passage.id, passage);
  });
  const postings = await readFile(join(folder, FILES.postings));
  const { mini, stats } = await decodeIndex(readLines(join(folder, FILES.index)), postings);
  if (passages.size !== manifest.passageCount || mini.documentCount !== manifest.passageCount)
    throw new IndexLoadError(
      `counts disagree: manifest ${manifest.passageCount}, passages ${passages.size}, index ${mini.documentCount}`,
    );
  const aliasGroups = manifest.aliasGroups ?? [];
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

export async function loadGeneration(dataDir: string, generation: string): Promise<SavedIndex> {
  if (!isGenerationName(generation))
    throw new IndexLoadError('asked to load something that is not a generation name');
  const folder = join(dataDir, GENERATIONS, generation);
  try {
    const manifest = await readManifest(folder);
    if (!manifest.delta) {
      const state = await loadFull(folder, manifest);
      return { state, skipped: manifest.skipped, generation, base: baseOf(generation, manifest) };
    }
    const baseName = manifest.delta.base;
    if (!isGenerationName(baseName))
      throw new IndexLoadError(`delta ${generation} names a base that is not a generation name`);
    const baseFolder = join(dataDir, GENERATIONS, baseName);
    const baseManifest = await readManifest(baseFolder);
    if (baseManifest.delta) throw new IndexLoadError(`delta ${generation} is based on another delta`);
    const state = await loadFull(baseFolder, baseManifest);
    const resolved = resolveDocuments(manifest, baseManifest);
    await applyDelta(state, baseManifest, resolved, readLines(join(folder, FILES.delta)));
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
