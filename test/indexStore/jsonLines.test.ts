import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLines, writeLines } from '../../src/indexStore/jsonLines.js';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

test('lines come back whole across 1 MB chunks: long lines, multi-byte characters, no final newline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-lines-'));
  try {
    const lines: string[] = [];
    // Lengths that put line ends, and a three-byte character, on and around the chunk boundaries.
    for (let i = 0; i < 900; i++)
      lines.push(`${'ж'.repeat(i % 7)}${'a'.repeat(1000 + ((i * 7919) % 5000))}…${i}`);
    lines.push('x'.repeat(2_500_000));
    lines.push('the last line, with no newline after it');
    const path = join(dir, 'lines.txt');
    await writeFile(path, lines.join('\n'));
    assert.deepEqual(await collect(readLines(path)), lines);

    const written = join(dir, 'written.jsonl');
    await writeLines(written, lines);
    assert.deepEqual(await collect(readLines(written)), lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a reader that stops early closes the file cleanly, a read under way included', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-lines-'));
  try {
    const path = join(dir, 'lines.txt');
    await writeFile(path, Array.from({ length: 5000 }, (_, i) => `line ${i} ${'b'.repeat(900)}`).join('\n'));
    for await (const line of readLines(path)) {
      assert.match(line, /^line 0 /);
      break;
    }
    await rm(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
