import type { KnowledgeDocument, Passage, Span } from '../types.js';
import { passageId } from './passageId.js';
import { isSpace, splitSentences } from './sentences.js';

export interface SegmentOptions {
  minWords?: number;
  maxWords?: number;
}

/** A run of whole sentences: indices [first, last) into the document's sentence list. */
interface Block {
  first: number;
  last: number;
  words: number;
}

/** Number of whitespace-separated tokens in text[start, end). */
export function countTokens(text: string, start = 0, end: number = text.length): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Paragraphs of `text`: runs of non-blank lines, trimmed. */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = -1;
  let end = -1;
  let lineHasText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!lineHasText && start >= 0) {
        out.push({ start, end });
        start = -1;
      }
      lineHasText = false;
    } else if (!isSpace(c)) {
      if (start < 0) start = i;
      end = i + 1;
      lineHasText = true;
    }
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/**
 * Cuts a document into passages of whole sentences, about minWords..maxWords long: long paragraphs are
 * split evenly, short neighbouring paragraphs are joined. Only a single sentence may exceed maxWords.
 */
export function segmentDocument(
  doc: Pick<KnowledgeDocument, 'id' | 'text'>,
  opts: SegmentOptions = {},
): Passage[] {
  const minWords = opts.minWords ?? 40;
  const maxWords = opts.maxWords ?? 120;
  const { text } = doc;
  const sentences: Span[] = [];
  const words: number[] = [];
  const blocks: Block[] = [];
  for (const paragraph of paragraphSpans(text)) {
    const first = sentences.length;
    for (const sentence of splitSentences(text, paragraph.start, paragraph.end)) {
      sentences.push(sentence);
      words.push(countTokens(text, sentence.start, sentence.end));
    }
    splitParagraph(words, first, sentences.length, minWords, maxWords, blocks);
  }
  return toPassages(doc, sentences, joinShort(blocks, minWords, maxWords));
}

/**
 * Splits sentences [first, last) of one paragraph into blocks of at most maxWords (bar single long
 * sentences). Cut points minimise the summed squared distance of each block's size from
 * (minWords + maxWords) / 2, which keeps blocks even and avoids a tiny tail.
 */
function splitParagraph(
  words: number[],
  first: number,
  last: number,
  minWords: number,
  maxWords: number,
  out: Block[],
): void {
  const n = last - first;
  if (n === 0) return;
  let total = 0;
  for (let i = first; i < last; i++) total += words[i]!;
  // Most paragraphs fit whole: no arrays for them (a document may have tens of thousands).
  if (total <= maxWords) {
    out.push({ first, last, words: total });
    return;
  }
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + words[first + i]!;
  const ideal = (minWords + maxWords) / 2;
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const cut = new Int32Array(n + 1);
  cost[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i - 1; j >= 0; j--) {
      const size = prefix[i]! - prefix[j]!;
      if (size > maxWords && j < i - 1) break;
      const c = cost[j]! + (size - ideal) ** 2;
      if (c < cost[i]!) {
        cost[i] = c;
        cut[i] = j;
      }
    }
  }
  const ends: number[] = [];
  for (let i = n; i > 0; i = cut[i]!) ends.push(i);
  let from = 0;
  for (let e = ends.length - 1; e >= 0; e--) {
    const to = ends[e]!;
    out.push({ first: first + from, last: first + to, words: prefix[to]! - prefix[from]! });
    from = to;
  }
}

/**
 * Joins a block under minWords to the next one, then any still short to the previous one, whenever the
 * result stays within maxWords.
 */
function joinShort(blocks: Block[], minWords: number, maxWords: number): Block[] {
  const forward: Block[] = [];
  for (const block of blocks) {
    const prev = forward.at(-1);
    if (prev && prev.words < minWords && prev.words + block.words <= maxWords) append(prev, block);
    else forward.push({ ...block });
  }
  const out: Block[] = [];
  for (const block of forward) {
    const prev = out.at(-1);
    if (prev && block.words < minWords && prev.words + block.words <= maxWords) append(prev, block);
    else out.push(block);
  }
  return out;
}

function append(to: Block, block: Block): void {
  to.last = block.last;
  to.words += block.words;
}

function toPassages(
  doc: Pick<KnowledgeDocument, 'id' | 'text'>,
  sentences: Span[],
  blocks: Block[],
): Passage[] {
  const occurrences = new Map<string, number>();
  const passages = blocks.map((block, ordinal): Passage => {
    const start = sentences[block.first]!.start;
    const end = sentences[block.last - 1]!.end;
    const text = doc.text.slice(start, end);
    const occurrence = occurrences.get(text) ?? 0;
    occurrences.set(text, occurrence + 1);
    const relative: Span[] = [];
    for (let s = block.first; s < block.last; s++) {
      const sentence = sentences[s]!;
      relative.push({ start: sentence.start - start, end: sentence.end - start });
    }
    return {
      id: passageId(doc.id, text, occurrence),
      documentId: doc.id,
      ordinal,
      start,
      end,
      text,
      sentences: relative,
      prev: null,
      next: null,
    };
  });
  for (let i = 1; i < passages.length; i++) {
    passages[i]!.prev = passages[i - 1]!.id;
    passages[i - 1]!.next = passages[i]!.id;
  }
  return passages;
}
