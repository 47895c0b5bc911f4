import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generationsRoot } from './generationNames.js';
import { type CurrentPointer, isPointerDraft } from './indexPointer.js';

/** Removes generations the pointer does not need, abandoned temporary folders and pointer drafts. */
export async function pruneGenerations(dataDir: string, keep: CurrentPointer): Promise<void> {
  const root = generationsRoot(dataDir);
  const needed = new Set([keep.generation, keep.previous, keep.base, keep.previousBase]);
  for (const name of await readdir(root)) {
    if (needed.has(name)) continue;
    await rm(join(root, name), { recursive: true, force: true });
  }
  // Left by a process killed between writing a pointer draft and renaming it (saves hold the lock).
  for (const name of await readdir(dataDir)) {
    if (isPointerDraft(name)) await rm(join(dataDir, name), { force: true });
  }
}
