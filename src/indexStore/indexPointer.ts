import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crashPoint } from '../util/crashPoint.js';
import { IndexLoadError, PointerUnreadableError } from './errors.js';
import { isGenerationName } from './generationNames.js';
import { type Check, field, matching, nullable, parseJson, record, ShapeError, text } from './jsonShape.js';

/**
 * DATA_DIR/current names the generation in use and the one before it. It is replaced by rename, so
 * a reader sees the old pointer or the new one, never half of either.
 */
const CURRENT = 'current';

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

const name = matching(isGenerationName, 'a generation name');
const optionalName = nullable(name);

const rolledBack: Check<RolledBack> = (value) => {
  const r = record(value);
  field(r, 'from', name);
  field(r, 'at', text);
  return { from: r.from as string, at: r.at as string };
};

/**
 * The pointer file's content, checked: every name in it must be a generation name (a planted
 * "../../etc" must never become a path). Throws ShapeError otherwise.
 */
export function decodePointer(raw: string): CurrentPointer {
  const p = record(parseJson(raw, CURRENT), CURRENT);
  const pointer: CurrentPointer = {
    generation: field(p, 'generation', name),
    previous: field(p, 'previous', optionalName),
  };
  if (p.base !== undefined) pointer.base = field(p, 'base', optionalName);
  if (p.previousBase !== undefined) pointer.previousBase = field(p, 'previousBase', optionalName);
  if (p.rolledBack !== undefined) pointer.rolledBack = field(p, 'rolledBack', rolledBack);
  return pointer;
}

/**
 * DATA_DIR/current, or null when there is none. Throws IndexLoadError when it is corrupt or names
 * anything but generations, and PointerUnreadableError when it is there but cannot be read.
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
  try {
    return decodePointer(raw);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new IndexLoadError(`${file} is corrupt (${error.message})`);
  }
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

/** A pointer draft left by a process killed between writing it and renaming it into place. */
export function isPointerDraft(fileName: string): boolean {
  return fileName.startsWith(`${CURRENT}.`) && fileName.endsWith('.tmp');
}
