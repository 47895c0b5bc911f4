/**
 * The word-vector file format: a small header, the words (UTF-8, one a line, in code-unit order so that a
 * lookup is a binary search), one float32 scale per word, then each word's unit vector quantised to int8
 * (component × 127 / scale). Little-endian throughout.
 */

const MAGIC = 'CDV1';
const HEADER_BYTES = 16;

export interface WordVectors {
  words: string[];
  dimensions: number;
  scales: Float32Array;
  vectors: Int8Array;
}

export function encodeVectors(v: WordVectors): Buffer {
  for (let i = 1; i < v.words.length; i++)
    if (!(v.words[i - 1]! < v.words[i]!)) throw new Error('words must be sorted and distinct');
  const words = Buffer.from(v.words.join('\n'), 'utf8');
  const wordsEnd = HEADER_BYTES + words.length;
  const scalesAt = Math.ceil(wordsEnd / 4) * 4;
  const vectorsAt = scalesAt + v.scales.byteLength;
  const out = Buffer.alloc(vectorsAt + v.vectors.byteLength);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(v.words.length, 4);
  out.writeUInt32LE(v.dimensions, 8);
  out.writeUInt32LE(words.length, 12);
  words.copy(out, HEADER_BYTES);
  Buffer.from(v.scales.buffer, v.scales.byteOffset, v.scales.byteLength).copy(out, scalesAt);
  Buffer.from(v.vectors.buffer, v.vectors.byteOffset, v.vectors.byteLength).copy(out, vectorsAt);
  return out;
}

export function decodeVectors(file: Buffer): WordVectors {
  if (file.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a word-vector file');
  const count = file.readUInt32LE(4);
  const dimensions = file.readUInt32LE(8);
  const wordsLength = file.readUInt32LE(12);
  const words = file.toString('utf8', HEADER_BYTES, HEADER_BYTES + wordsLength).split('\n');
  const scalesAt = Math.ceil((HEADER_BYTES + wordsLength) / 4) * 4;
  const vectorsAt = scalesAt + count * 4;
  if (words.length !== count || file.length !== vectorsAt + count * dimensions)
    throw new Error('word-vector file is truncated or corrupt');
  // Copied out so that the views are aligned whatever the buffer's own offset in its pool.
  const scales = new Float32Array(count);
  Buffer.from(scales.buffer).set(file.subarray(scalesAt, vectorsAt));
  const vectors = new Int8Array(count * dimensions);
  Buffer.from(vectors.buffer).set(file.subarray(vectorsAt));
  return { words, dimensions, scales, vectors };
}

/** Unit-normalises and quantises float vectors (one per word, `dimensions` each). */
export function quantise(
  floats: ArrayLike<number>[],
  dimensions: number,
): { scales: Float32Array; vectors: Int8Array } {
  const scales = new Float32Array(floats.length);
  const vectors = new Int8Array(floats.length * dimensions);
  floats.forEach((v, w) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += (v[d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs((v[d] ?? 0) / norm));
    scales[w] = max || 1;
    for (let d = 0; d < dimensions; d++)
      vectors[w * dimensions + d] = Math.round(((v[d] ?? 0) / norm / (max || 1)) * 127);
  });
  return { scales, vectors };
}
