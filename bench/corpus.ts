import { serializeFrontMatter } from '../src/knowledge/frontMatter.js';
import { Rng } from '../src/util/prng.js';
import { type DocumentVariation, newVariation, spliceSentences, varySentence } from './varySentence.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Synthetic knowledge files: paragraphs of seed sentences (recombined and varied) sized so that the
 * segmenter (40–120 words a passage) makes one passage of each paragraph.
 */
export interface SyntheticDocument {
  id: string;
  file: string;
  frontMatter: string;
  paragraphs: string[];
}

export const PASSAGES_PER_DOCUMENT = { min: 50, max: 70 } as const;
const PARAGRAPH_WORDS = { min: 50, max: 95, hardMin: 45, hardMax: 110 } as const;
const SPLICE_SHARE = 0.35;
const OUTLETS = [
  'RFE/RL',
  'DELFI',
  'GlobalSecurity.org',
  'Reuters',
  'Bloomberg',
  'Meduza',
  'Belsat',
  'Interfax',
];
const DAY_MS = 86_400_000;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function renderDocument(doc: SyntheticDocument): string {
  return `${doc.frontMatter}${doc.paragraphs.join('\n\n')}\n`;
}

/** Passages per document, 50–70 each, summing exactly to `passages`. */
export function documentSizes(passages: number, rng: Rng): number[] {
  const mean = (PASSAGES_PER_DOCUMENT.min + PASSAGES_PER_DOCUMENT.max) / 2;
  const count = Math.max(1, Math.round(passages / mean));
  const base = Math.floor(passages / count);
  const sizes = Array.from({ length: count }, (_, i) => base + (i < passages % count ? 1 : 0));
  // Move passages between neighbours, keeping the sum and the 50–70 range, for some spread.
  for (let i = 0; i + 1 < count; i += 2) {
    const room = Math.min(PASSAGES_PER_DOCUMENT.max - sizes[i]!, sizes[i + 1]! - PASSAGES_PER_DOCUMENT.min);
    const shift = room > 0 ? rng.int(0, room) : 0;
    sizes[i] = sizes[i]! + shift;
    sizes[i + 1] = sizes[i + 1]! - shift;
  }
  return sizes;
}

export class CorpusGenerator {
  private readonly shortSentences: readonly string[];

  constructor(
    private readonly sentences: readonly string[],
    private readonly rng: Rng,
    private readonly vocabulary: Vocabulary = new Vocabulary(rng.fork('vocabulary')),
  ) {
    if (sentences.length === 0) throw new Error('no seed sentences');
    const short = sentences.filter((s) => wordCount(s) <= 15);
    this.shortSentences = short.length > 0 ? short : sentences;
  }

  private sentence(v: DocumentVariation): string {
    const a = this.rng.pick(this.sentences);
    const spliced = this.rng.chance(SPLICE_SHARE)
      ? spliceSentences(a, this.rng.pick(this.sentences), this.rng)
      : null;
    return varySentence(spliced ?? a, v);
  }

  /** One paragraph of 45–110 words: one passage once segmented. */
  paragraph(v: DocumentVariation): string {
    const target = this.rng.int(PARAGRAPH_WORDS.min, PARAGRAPH_WORDS.max);
    const parts: string[] = [];
    let words = 0;
    for (let attempt = 0; attempt < 40 && words < target; attempt++) {
      const s = this.sentence(v);
      const w = wordCount(s);
      if (words + w > PARAGRAPH_WORDS.hardMax) continue;
      parts.push(s);
      words += w;
    }
    for (let attempt = 0; attempt < 20 && words < PARAGRAPH_WORDS.hardMin; attempt++) {
      const s = varySentence(this.rng.pick(this.shortSentences), v);
      parts.push(s);
      words += wordCount(s);
    }
    return parts.join(' ');
  }

  /** Document number `index` with `passages` paragraphs; `passagesBefore` drives vocabulary growth. */
  document(index: number, passages: number, passagesBefore: number): SyntheticDocument {
    const v = newVariation(this.rng, this.vocabulary);
    const paragraphs: string[] = [];
    for (let i = 0; i < passages; i++) {
      this.vocabulary.growTo(passagesBefore + i + 1);
      paragraphs.push(this.paragraph(v));
    }
    const title = titleFrom(paragraphs[0] ?? 'Untitled');
    const id = `synthetic-${String(index).padStart(5, '0')}-${slug(title)}`;
    const frontMatter = serializeFrontMatter({
      title,
      outlet: this.rng.chance(0.15) ? null : this.rng.pick(OUTLETS),
      author: this.rng.chance(0.4)
        ? null
        : `${this.vocabulary.pick('name') ?? 'Anna'} ${this.vocabulary.pick('name') ?? 'Ivanova'}`,
      published: this.rng.chance(0.2) ? null : dateAfter('2020-08-01', this.rng.int(0, 120)),
      url: `https://news.example/${id}`,
      language: 'en',
    });
    return { id, file: `${id}.md`, frontMatter, paragraphs };
  }
}

/** The first few words of the first sentence, without its final punctuation. */
function titleFrom(paragraph: string): string {
  const words = paragraph.split(/\s+/).slice(0, 10).join(' ');
  return words.replace(/[^\p{L}\p{N}]+$/u, '');
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 6)
      .join('-') || 'doc'
  );
}

function dateAfter(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface CorpusOptions {
  passages: number;
  seed: number;
  sentences: readonly string[];
}

/** A deterministic corpus of about `passages` passages: same options, same documents. */
export function generateCorpus(options: CorpusOptions): SyntheticDocument[] {
  const rng = new Rng(options.seed);
  const generator = new CorpusGenerator(options.sentences, rng);
  const docs: SyntheticDocument[] = [];
  let before = 0;
  documentSizes(options.passages, rng.fork('sizes')).forEach((size, i) => {
    docs.push(generator.document(i, size, before));
    before += size;
  });
  return docs;
}

/** The same document with its middle paragraph rewritten: the "one changed document" of an incremental reindex. */
export function editDocument(
  doc: SyntheticDocument,
  sentences: readonly string[],
  seed: number,
): SyntheticDocument {
  const rng = new Rng(seed).fork(doc.id);
  const generator = new CorpusGenerator(sentences, rng);
  const paragraphs = [...doc.paragraphs];
  const at = Math.floor(paragraphs.length / 2);
  paragraphs[at] = generator.paragraph(newVariation(rng, new Vocabulary(rng)));
  return { ...doc, paragraphs };
}
