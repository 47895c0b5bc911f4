import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `results` to <dir>/<prefix>-<timestamp>.json and returns the path. */
export async function saveJson(dir: string, prefix: string, results: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
