/**
 * Binary search in a buffer of '\n'-separated sorted lines (how WordNet's index files are laid out).
 * Looking a word up this way costs a few dozen byte comparisons instead of parsing 200k lines into a Map
 * at start-up.
 */

const NEWLINE = 0x0a;

function lineStart(buffer: Buffer, at: number): number {
  let i = at;
  while (i > 0 && buffer[i - 1] !== NEWLINE) i--;
  return i;
}

function lineEnd(buffer: Buffer, from: number): number {
  const end = buffer.indexOf(NEWLINE, from);
  return end < 0 ? buffer.length : end;
}

/** Every line whose first field starts with `prefix`, in file order. */
export function linesWithPrefix(buffer: Buffer, prefix: string, from = 0): string[] {
  const needle = Buffer.from(prefix, 'latin1');
  let lo = from;
  let hi = buffer.length;
  // The first line not below the prefix.
  while (lo < hi) {
    const start = lineStart(buffer, (lo + hi) >>> 1);
    if (needle.compare(buffer, start, Math.min(start + needle.length, buffer.length)) > 0)
      lo = lineEnd(buffer, start) + 1;
    else hi = start;
  }
  const lines: string[] = [];
  for (let at = lo; at < buffer.length; ) {
    if (needle.compare(buffer, at, Math.min(at + needle.length, buffer.length)) !== 0) break;
    const end = lineEnd(buffer, at);
    lines.push(buffer.toString('latin1', at, end));
    at = end + 1;
  }
  return lines;
}
