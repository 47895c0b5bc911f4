/**
 * A document's passages as a few flat arrays, to pass them between threads: a structured clone of
 * thousands of small objects costs the receiving thread far more (200 ms for 12k passages) than
 * rebuilding them from offsets into the document's text.
 */

import type { Passage } from '../types.js';

export interface PackedPassages {
  ids: string[];
  /** start, end of each passage in the document text. */
  bounds: Int32Array;
  /** How many sentences each passage has. */
  sentenceCounts: Int32Array;
  /** start, end of every sentence, relative to its passage. */
  sentences: Int32Array;
}

export function packPassages(passages: readonly Passage[]): PackedPassages {
  const total = passages.reduce((n, p) => n + p.sentences.length, 0);
  const packed: PackedPassages = {
    ids: passages.map((p) => p.id),
    bounds: new Int32Array(passages.length * 2),
    sentenceCounts: new Int32Array(passages.length),
    sentences: new Int32Array(total * 2),
  };
  let s = 0;
  passages.forEach((p, i) => {
    packed.bounds[2 * i] = p.start;
    packed.bounds[2 * i + 1] = p.end;
    packed.sentenceCounts[i] = p.sentences.length;
    for (const sentence of p.sentences) {
      packed.sentences[s++] = sentence.start;
      packed.sentences[s++] = sentence.end;
    }
  });
  return packed;
}

/** The passages again, their text sliced from the document's (as segmentDocument cut them). */
export function unpackPassages(doc: { id: string; text: string }, packed: PackedPassages): Passage[] {
  const passages: Passage[] = [];
  let s = 0;
  packed.ids.forEach((id, i) => {
    const start = packed.bounds[2 * i]!;
    const end = packed.bounds[2 * i + 1]!;
    const sentences = [];
    for (let k = 0; k < packed.sentenceCounts[i]!; k++, s += 2) {
      sentences.push({ start: packed.sentences[s]!, end: packed.sentences[s + 1]! });
    }
    passages.push({
      id,
      documentId: doc.id,
      ordinal: i,
      start,
      end,
      text: doc.text.slice(start, end),
      sentences,
      prev: packed.ids[i - 1] ?? null,
      next: packed.ids[i + 1] ?? null,
    });
  });
  return passages;
}
