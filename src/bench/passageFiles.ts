import { readFile, writeFile } from 'node:fs/promises';
import type { PlainPassage } from './childTask.js';

/** Passages as JSON lines: how the plain side gets exactly the passages our engine made. */
export async function writePassages(file: string, passages: Iterable<PlainPassage>): Promise<number> {
  const lines: string[] = [];
  for (const { id, documentId, text } of passages) lines.push(JSON.stringify({ id, documentId, text }));
  await writeFile(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return lines.length;
}

export async function readPassages(file: string): Promise<PlainPassage[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as PlainPassage);
}
