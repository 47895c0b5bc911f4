import { open } from 'node:fs/promises';

const READ_CHUNK = 1 << 20;
const NEWLINE = 10;

/** The lines of a file, read in 1 MB chunks and split on bytes (readline costs more than the parsing). */
export async function* readLines(path: string): AsyncGenerator<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let carry: Buffer | null = null;
    while (true) {
      const { bytesRead } = await file.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      const chunk: Buffer = carry
        ? Buffer.concat([carry, buffer.subarray(0, bytesRead)])
        : buffer.subarray(0, bytesRead);
      let start = 0;
      let end = chunk.indexOf(NEWLINE, start);
      while (end !== -1) {
        yield chunk.toString('utf8', start, end);
        start = end + 1;
        end = chunk.indexOf(NEWLINE, start);
      }
      // The buffer is read into again: keep the unfinished line as a copy.
      carry = start < chunk.length ? Buffer.from(chunk.subarray(start)) : null;
    }
    if (carry) yield carry.toString('utf8');
  } finally {
    await file.close();
  }
}

const WRITE_BUFFER = 1 << 22;

/**
 * Writes lines to a new file and flushes it to disk before returning. Lines are encoded into one
 * reused buffer: writing strings would allocate a buffer a write, tens of MB for a large index,
 * all garbage until the next collection.
 */
export async function writeLines(
  path: string,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  const file = await open(path, 'wx');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
    let at = 0;
    for await (const line of lines) {
      const bytes = Buffer.byteLength(line) + 1;
      if (at + bytes > buffer.length && at > 0) {
        await file.write(buffer, 0, at);
        at = 0;
      }
      if (bytes > buffer.length) {
        await file.write(`${line}\n`);
        continue;
      }
      at += buffer.write(line, at);
      buffer[at++] = NEWLINE;
    }
    if (at > 0) await file.write(buffer, 0, at);
    await file.sync();
  } finally {
    await file.close();
  }
}
