import type { IndexedDocument } from '../search/searchState.js';
import type { Passage, Span } from '../types.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';
import { isCount } from './jsonShape.js';

/**
 * Passages as NDJSON, a line per document (a long document over several): [documentId, ...tuples],
 * each tuple [id, ordinal, start, end, text, flat sentence offsets] plus, in a delta, the passage's
 * minisearch short id. Arrays parse faster than objects with keys, and prev/next and documentId
 * follow from the order, so each id is one string in memory instead of three.
 */
type PassageTuple = [string, number, number, number, string, number[], number?];
type PassageLine = [string, ...PassageTuple[]];

/** Characters of passage text per line: a large document never makes one huge parse. */
const TEXT_PER_LINE = 200_000;

function toTuple(p: Passage, shortId?: number): PassageTuple {
  const flat: number[] = [];
  for (const s of p.sentences) flat.push(s.start, s.end);
  const tuple: PassageTuple = [p.id, p.ordinal, p.start, p.end, p.text, flat];
  if (shortId !== undefined) tuple.push(shortId);
  return tuple;
}

/** Lines for these documents' passages, in each document's passage order. */
export async function* encodePassages(
  documents: Iterable<IndexedDocument>,
  passages: ReadonlyMap<string, Passage>,
  shortIdOf?: (passageId: string) => number | undefined,
): AsyncGenerator<string> {
  const slicer = new TimeSlicer();
  for (const doc of documents) {
    let line: PassageLine = [doc.id];
    let text = 0;
    for (const id of doc.passageIds) {
      const passage = passages.get(id);
      if (!passage) continue;
      line.push(toTuple(passage, shortIdOf?.(id)));
      text += passage.text.length;
      if (text >= TEXT_PER_LINE) {
        yield JSON.stringify(line);
        line = [doc.id];
        text = 0;
        await slicer.maybeYield();
      }
    }
    if (line.length > 1) yield JSON.stringify(line);
    await slicer.maybeYield();
  }
}

export class PassageFormatError extends Error {}

export interface DecodedPassage {
  passage: Passage;
  /** Set in a delta: the short id the passage had in minisearch. */
  shortId?: number;
}

/** What is wrong with a passage tuple, or null when it has the shape encodePassages writes. */
function tupleProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < 6 || value.length > 7) return 'not a passage tuple';
  if (typeof value[0] !== 'string' || typeof value[4] !== 'string') return 'id and text must be strings';
  if (!isCount(value[1]) || !isCount(value[2]) || !isCount(value[3]))
    return 'ordinal, start and end must be whole numbers';
  const flat: unknown = value[5];
  if (!Array.isArray(flat) || flat.length % 2 !== 0) return 'sentence offsets must be pairs of whole numbers';
  for (let k = 0; k < flat.length; k++)
    if (!isCount(flat[k])) return 'sentence offsets must be pairs of whole numbers';
  if (value.length === 7 && !isCount(value[6])) return 'the short id must be a whole number';
  return null;
}

/** One passage tuple, checked field by field (a file cut or edited by hand says where it is wrong). */
function checkedTuple(value: unknown, documentId: string, at: number): PassageTuple {
  const problem = tupleProblem(value);
  if (problem !== null) throw new PassageFormatError(`passage ${at} of document ${documentId}: ${problem}`);
  return value as PassageTuple;
}

/** One line of encodePassages: a document id, then passage tuples (checked as they are read). */
function parseLine(raw: string): [string, unknown[]] {
  let line: unknown;
  try {
    line = JSON.parse(raw);
  } catch (error) {
    throw new PassageFormatError(`passage line is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(line) || typeof line[0] !== 'string')
    throw new PassageFormatError('passage line without a document id');
  return [line[0], line];
}

/** Whether two sentence lists hold the same ranges. */
function sameSpans(a: readonly Span[], b: readonly number[]): boolean {
  if (a.length * 2 !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.start !== b[2 * k] || a[k]!.end !== b[2 * k + 1]) return false;
  return true;
}

/**
 * Passages back from encodePassages' lines, linked to their neighbours; `onPassage` sees each in file
 * order. A passage `beside` holds with the same text (the served index, while another generation loads
 * next to it) lends its text and sentences, so the two indexes keep one copy of them.
 */
export async function decodePassages(
  lines: AsyncIterable<string>,
  onPassage: (decoded: DecodedPassage) => void,
  beside?: ReadonlyMap<string, Passage>,
): Promise<void> {
  const slicer = new TimeSlicer();
  let previous: Passage | null = null;
  for await (const raw of lines) {
    if (raw.length === 0) continue;
    const [documentId, line] = parseLine(raw);
    if (previous && previous.documentId !== documentId) previous = null;
    for (let i = 1; i < line.length; i++) {
      const [id, ordinal, start, end, parsedText, flat, shortId] = checkedTuple(line[i], documentId, i);
      const twin = beside?.get(id);
      const shared = twin !== undefined && twin.text === parsedText;
      const text = shared ? twin.text : parsedText;
      let sentences: Span[] = [];
      if (shared && sameSpans(twin.sentences, flat)) sentences = twin.sentences;
      else
        for (let k = 0; k + 1 < flat.length; k += 2) sentences.push({ start: flat[k]!, end: flat[k + 1]! });
      const passage: Passage = {
        id,
        documentId,
        ordinal,
        start,
        end,
        text,
        sentences,
        prev: previous ? previous.id : null,
        next: null,
      };
      if (previous) previous.next = id;
      previous = passage;
      onPassage(shortId === undefined ? { passage } : { passage, shortId });
    }
    await slicer.maybeYield();
  }
}
