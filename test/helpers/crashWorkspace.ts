import { readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';

/** Longer than the window in which a just-changed file gets no fingerprint (src/knowledge/fingerprint.ts). */
const RACY_WINDOW_MS = 150;

export type Workspace = Awaited<ReturnType<typeof tempWorkspace>>;

/** Every file of a folder with its bytes, to prove a crash changed none of them. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort())
    files.set(name, (await readFile(join(dir, name))).toString('hex'));
  return files;
}

/**
 * A workspace whose index is built and saved, with file times an hour back so no later scan finds
 * them too fresh to trust: a restarted process then has nothing to re-save.
 */
export async function settledWorkspace(): Promise<Workspace> {
  const ws = await tempWorkspace();
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(ws.knowledgeDir))
    await utimes(join(ws.knowledgeDir, name), anHourAgo, anHourAgo);
  // utimes sets the change time to now: past the racy window, the fingerprints can be trusted.
  await setTimeout(RACY_WINDOW_MS);
  await Engine.open({ knowledgeDir: ws.knowledgeDir, dataDir: ws.dataDir });
  return ws;
}

/** A document long enough to be indexed, about a topic the bundled knowledge never mentions. */
export const CRASH_DOCUMENT = `---
title: "Turnip festival"
outlet: "Test Wire"
---
A zeppelin festival was held in Minsk to celebrate the harvest of turnips, organisers said on Sunday.
Thousands of visitors watched the airships drift over the fields while farmers sold their turnips in the square.
`;
export const CRASH_QUESTION = 'Where was the zeppelin festival for turnips held?';
export const OLD_QUESTION = 'Where was Navalny evacuated to?';
