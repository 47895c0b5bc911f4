import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResults } from './results.js';

/** Writes the results to <dir>/bench-<timestamp>.json and returns the path. */
export async function saveResults(dir: string, results: BenchResults): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
