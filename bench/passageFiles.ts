import { readLines, writeLines } from '../src/indexStore/jsonLines.js';
import type { PlainPassage } from './childTask.js';

/**
 * Passages as JSON lines: how the plain side gets exactly the passages our engine made. Each line
 * goes straight into the writer's buffer, so the build child's peak RSS is the engine's, not a
 * copy of every passage (about 60 MB at 100k).
 */
export async function writePassages(file: string, passages: Iterable<PlainPassage>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    for (const { id, documentId, text } of passages) {
      count++;
      yield JSON.stringify({ id, documentId, text });
    }
  }
  await writeLines(file, lines());
  return count;
}

/** Line by line: a million passages make a file past V8's longest string. */
export async function readPassages(file: string): Promise<PlainPassage[]> {
  const passages: PlainPassage[] = [];
  for await (const line of readLines(file))
    if (line.length > 0) passages.push(JSON.parse(line) as PlainPassage);
  return passages;
}
