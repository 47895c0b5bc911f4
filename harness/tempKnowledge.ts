import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUNDLED_KNOWLEDGE = join(import.meta.dirname, '..', 'knowledge');

/** A scratch copy of the bundled knowledge and an empty data folder, removed by cleanup(). */
export async function tempWorkspace(): Promise<{
  root: string;
  knowledgeDir: string;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-'));
  const knowledgeDir = join(root, 'knowledge');
  await cp(BUNDLED_KNOWLEDGE, knowledgeDir, { recursive: true });
  return {
    root,
    knowledgeDir,
    dataDir: join(root, 'data'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
