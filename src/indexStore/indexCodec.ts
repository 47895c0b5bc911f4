import { INDEX_FIELDS } from '../search/indexEntry.js';
import { type IndexFigures, PassageIndex } from '../search/passageIndex.js';
import { capacityFor, Postings } from '../search/postings.js';
import { emptyTermStats, type TermStats } from '../search/termStats.js';
import { sliced, TimeSlicer } from '../util/yieldToEventLoop.js';
import { type Check, count, field, finite, isCount, list, record, ShapeError, text } from './jsonShape.js';

/**
 * minisearch's own toJSON/loadJSON work in one block and rebuild a Map a posting, too slow for 100k
 * passages in a serving bot. This codec writes the index's state as NDJSON lines (header, documents,
 * terms) plus the postings as raw typed arrays, which load back as views of one buffer. Discarded
 * passages are left out, so a loaded index is vacuumed and its document frequencies are the sizes of
 * its postings (test/indexCodec.test.ts checks the result against minisearch's toJSON()). Typed arrays
 * are in the machine's byte order (little-endian on every platform Node runs on).
 */
type Line =
  | {
      kind: 'header';
      documentCount: number;
      nextId: number;
      fieldIds: Record<string, number>;
      averageFieldLength: number[];
    }
  /** Per document: shortId, id, then one length a field. */
  | { kind: 'docs'; entries: (number | string)[] }
  /** Per term: the term, then fieldId and posting count for each of its fields. */
  | { kind: 'terms'; entries: (string | number)[][] };

/** A line of index.jsonl, or bytes of postings.bin (valid until the encoder resumes: copy to keep). */
type IndexPart = { line: string } | { bytes: Uint8Array };

const DOCS_PER_LINE = 4000;
const POSTINGS_PER_LINE = 200_000;
const TERMS_PER_LINE = 2_000;
const BYTES_PER_CHUNK = 1 << 20;
const FIELDS = INDEX_FIELDS.length;

class IndexFormatError extends Error {}

const fieldIds: Check<Record<string, number>> = (value) => {
  const ids = record(value);
  for (const key of Object.keys(ids)) field(ids, key, count);
  return ids as Record<string, number>;
};

const entries: Check<unknown[]> = (value) => {
  if (!Array.isArray(value)) throw new ShapeError('', 'an array');
  return value;
};

/**
 * One line of index.jsonl, checked: the header in full, the other kinds down to their entries
 * array, whose elements the decoder checks as it reads them (a 100k index has millions).
 */
function decodeLine(raw: string): Line {
  try {
    const line = record(JSON.parse(raw));
    const kind = field(line, 'kind', text);
    if (kind === 'header') {
      for (const key of ['documentCount', 'nextId'] as const) field(line, key, count);
      field(line, 'fieldIds', fieldIds);
      field(line, 'averageFieldLength', list(finite));
    } else if (kind === 'docs' || kind === 'terms') field(line, 'entries', entries);
    else throw new IndexFormatError(`unknown index line kind ${kind}`);
    return line as unknown as Line;
  } catch (error) {
    if (error instanceof ShapeError) throw new IndexFormatError(`index line: ${error.message}`);
    throw error;
  }
}

/**
 * Bytes one list of `count` postings takes: ids, then frequencies, each with the list's spare room
 * (capacityFor), padded back to 4-byte alignment.
 */
function listBytes(count: number): number {
  const capacity = capacityFor(count);
  return capacity * 4 + capacity * 2 + (capacity % 2) * 2;
}

/**
 * Postings bytes in 1 MB chunks, each list copied straight into place and the chunk reused: no
 * array a list, no concatenation, so saving a 100k-passage index allocates about 1 MB, not twice
 * the postings. A chunk handed out is valid until the encoder resumes.
 */
class PostingsChunks {
  private chunk = new Uint8Array(BYTES_PER_CHUNK);
  private at = 0;

  /**
   * The filled chunk when `count` more postings do not fit in it: the caller yields it, and writes
   * again only once it is consumed, so the chunk starts over.
   */
  makeRoom(count: number): Uint8Array | null {
    const bytes = listBytes(count);
    if (this.at + bytes <= this.chunk.length) return null;
    const full = this.at > 0 ? this.chunk.subarray(0, this.at) : null;
    if (bytes > this.chunk.length) this.chunk = new Uint8Array(bytes);
    this.at = 0;
    return full;
  }

  /**
   * Writes the live postings of a list whose live count is `count` (room made for it); `live` is
   * null when the index holds no discarded passage.
   */
  write(postings: ReadonlyMap<number, number>, count: number, live: ((id: number) => boolean) | null): void {
    const capacity = capacityFor(count);
    const bytes = listBytes(count);
    // The chunk is reused: clear the spare room so the file does not depend on what came before.
    this.chunk.fill(0, this.at, this.at + bytes);
    const ids = new Uint32Array(this.chunk.buffer, this.chunk.byteOffset + this.at, capacity);
    const freqs = new Uint16Array(
      this.chunk.buffer,
      this.chunk.byteOffset + this.at + capacity * 4,
      capacity,
    );
    if (postings instanceof Postings) postings.copyInto(ids, freqs, 0, live);
    else {
      let n = 0;
      for (const [id, freq] of postings) {
        if (live !== null && !live(id)) continue;
        ids[n] = id;
        freqs[n] = freq;
        n++;
      }
    }
    this.at += bytes;
  }

  rest(): Uint8Array | null {
    return this.at > 0 ? this.chunk.subarray(0, this.at) : null;
  }
}

function liveCount(
  postings: ReadonlyMap<number, number>,
  live: (id: number) => boolean,
  clean: boolean,
): number {
  // Without discarded passages every posting is live (Postings.size already leaves out holes).
  if (clean) return postings.size;
  let n = 0;
  for (const id of postings.keys()) if (live(id)) n++;
  return n;
}

export async function* encodeIndex(index: PassageIndex): AsyncGenerator<IndexPart> {
  const slicer = new TimeSlicer();
  const { documentCount, nextId, fieldIds, averageFieldLength } = index.figures();
  const header: Line = { kind: 'header', documentCount, nextId, fieldIds, averageFieldLength };
  yield { line: JSON.stringify(header) };

  let entries: (number | string)[] = [];
  for (const [shortId, id, lengths] of index.passages()) {
    entries.push(shortId, id);
    for (let f = 0; f < FIELDS; f++) entries.push(lengths[f] ?? 0);
    if (entries.length >= DOCS_PER_LINE * (FIELDS + 2)) {
      yield { line: JSON.stringify({ kind: 'docs', entries } satisfies Line) };
      entries = [];
      await slicer.maybeYield();
    }
  }
  if (entries.length > 0) yield { line: JSON.stringify({ kind: 'docs', entries } satisfies Line) };

  // A snapshot: searches between slices may drop terms from the tree.
  const terms = index.termsSnapshot();
  const live = (id: number) => index.passageIdAt(id) !== undefined;
  const clean = index.dirtCount === 0;
  const chunks = new PostingsChunks();
  let lineTerms: (string | number)[][] = [];
  let linePostings = 0;
  for (const [term, data] of terms) {
    const entry: (string | number)[] = [term];
    for (const [fieldId, postings] of data) {
      const count = liveCount(postings, live, clean);
      if (count === 0) continue;
      const full = chunks.makeRoom(count);
      if (full) yield { bytes: full };
      chunks.write(postings, count, clean ? null : live);
      entry.push(fieldId, count);
      linePostings += count;
    }
    if (entry.length > 1) lineTerms.push(entry);
    if (linePostings >= POSTINGS_PER_LINE || lineTerms.length >= TERMS_PER_LINE) {
      yield { line: JSON.stringify({ kind: 'terms', entries: lineTerms } satisfies Line) };
      lineTerms = [];
      linePostings = 0;
    }
    await slicer.maybeYield();
  }
  const rest = chunks.rest();
  if (rest) yield { bytes: rest };
  if (lineTerms.length > 0)
    yield { line: JSON.stringify({ kind: 'terms', entries: lineTerms } satisfies Line) };
}

/** A Uint8Array whose start a Uint32Array view can use (a file read into a pooled buffer may not be). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}

/** Rebuilds the index and the term statistics from encodeIndex's lines and bytes. */
export async function decodeIndex(
  lines: AsyncIterable<string>,
  postingBytes: Uint8Array,
): Promise<{ mini: PassageIndex; stats: TermStats }> {
  const slicer = new TimeSlicer();
  const bytes = aligned(postingBytes);
  let offset = 0;
  let figures: IndexFigures | null = null;
  const passageIds = new Map<number, string>();
  const fieldLengths = new Map<number, number[]>();
  const terms: [string, Map<number, Postings>][] = [];
  // Saved without discarded passages: document frequencies are the postings' sizes.
  const stats = emptyTermStats();
  let textField = -1;
  let keysField = -1;
  for await (const raw of lines) {
    if (raw.length === 0) continue;
    const line = decodeLine(raw);
    if (line.kind === 'header') {
      const { documentCount, nextId, fieldIds, averageFieldLength } = line;
      figures = { documentCount, nextId, fieldIds, averageFieldLength };
      stats.passages = line.documentCount;
      textField = line.fieldIds.text ?? -1;
      keysField = line.fieldIds.keys ?? -1;
      continue;
    }
    if (!figures) throw new IndexFormatError('index file does not start with a header');
    if (line.kind === 'docs') {
      const e = line.entries;
      for (let i = 0; i + FIELDS + 1 < e.length; i += FIELDS + 2) {
        const shortId = e[i];
        const id = e[i + 1];
        const lengths = e.slice(i + 2, i + 2 + FIELDS);
        if (!isCount(shortId) || typeof id !== 'string' || !lengths.every(isCount))
          throw new IndexFormatError(`index line: a document entry is malformed at ${i}`);
        passageIds.set(shortId, id);
        fieldLengths.set(shortId, lengths);
      }
    } else if (line.kind === 'terms') {
      for (const entry of line.entries) {
        const term = Array.isArray(entry) ? entry[0] : undefined;
        if (typeof term !== 'string') throw new IndexFormatError('index line: a term entry is malformed');
        const data = new Map<number, Postings>();
        for (let k = 1; k + 1 < entry.length; k += 2) {
          const fieldId = entry[k];
          const count = entry[k + 1];
          if (!isCount(fieldId) || !isCount(count))
            throw new IndexFormatError(`index line: the postings of "${term}" are malformed`);
          if (offset + listBytes(count) > bytes.byteLength)
            throw new IndexFormatError('postings file is shorter than its terms say');
          const capacity = capacityFor(count);
          const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, capacity);
          const freqs = new Uint16Array(bytes.buffer, bytes.byteOffset + offset + capacity * 4, capacity);
          offset += listBytes(count);
          data.set(fieldId, Postings.view(ids, freqs, count));
          if (fieldId === textField) stats.text.set(term, count);
          else if (fieldId === keysField) stats.keys.set(term, count);
        }
        terms.push([term, data]);
      }
    }
    await slicer.maybeYield();
  }
  if (!figures) throw new IndexFormatError('index file is empty');
  if (offset !== bytes.byteLength) throw new IndexFormatError('postings file is longer than its terms say');
  const mini = await sliced(PassageIndex.restore({ figures, passageIds, fieldLengths, terms }), slicer);
  return { mini, stats };
}
