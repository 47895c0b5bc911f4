import { open, readFile } from 'node:fs/promises';
import type { PlainPassage } from './childTask.js';

const BATCH_CHARS = 1 << 20;

/**
 * Passages as JSON lines: how the plain side gets exactly the passages our engine made. Written a
 * batch at a time, so the build child's peak RSS is the engine's, not a copy of every passage.
 */
export async function writePassages(file: string, passages: Iterable<PlainPassage>): Promise<number> {
  const handle = await open(file, 'w');
  let count = 0;
  try {
    let batch: string[] = [];
    let chars = 0;
    for (const { id, documentId, text } of passages) {
      const line = JSON.stringify({ id, documentId, text });
      batch.push(line);
      chars += line.length;
      count++;
      if (chars >= BATCH_CHARS) {
        await handle.write(`${batch.join('\n')}\n`);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) await handle.write(`${batch.join('\n')}\n`);
  } finally {
    await handle.close();
  }
  return count;
}

export async function readPassages(file: string): Promise<PlainPassage[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as PlainPassage);
}
