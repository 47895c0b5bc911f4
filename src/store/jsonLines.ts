import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export async function* readLines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Writes lines to a new file and flushes it to disk before returning. */
export async function writeLines(
  path: string,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  const file = await open(path, 'wx');
  try {
    let buffer: string[] = [];
    let size = 0;
    for await (const line of lines) {
      buffer.push(line);
      size += line.length;
      if (size > 1 << 20) {
        await file.write(`${buffer.join('\n')}\n`);
        buffer = [];
        size = 0;
      }
    }
    if (buffer.length > 0) await file.write(`${buffer.join('\n')}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}
