import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanText } from '../src/knowledge/clean.js';
import { parseFrontMatter } from '../src/knowledge/frontMatter.js';
import { splitSentences } from '../src/text/sentences.js';

const MIN_WORDS = 6;
const MAX_WORDS = 55;
/** Starts like a sentence: a capital or a digit, possibly after an opening quote. */
const STARTS = /^["“‘]?[\p{Lu}\p{N}]/u;
/** Ends like a sentence: . ! ? possibly followed by a closing quote. */
const ENDS = /[.!?]["”’]?$/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The article sentences of one knowledge file (front matter stripped, boilerplate cleaned), one line each. */
export function sentencesOf(markdown: string): string[] {
  const { data, body } = parseFrontMatter(markdown);
  const text = cleanText(body, { title: data.title ?? null });
  const out: string[] = [];
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    const words = wordCount(sentence);
    if (words >= MIN_WORDS && words <= MAX_WORDS && STARTS.test(sentence) && ENDS.test(sentence))
      out.push(sentence);
  }
  return out;
}

/** Distinct sentences of every Markdown file of a folder, in file-name order. */
export async function readSeedSentences(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const seen = new Set<string>();
  for (const name of names) for (const s of sentencesOf(await readFile(join(dir, name), 'utf8'))) seen.add(s);
  if (seen.size === 0) throw new Error(`no seed sentences found in ${dir}`);
  return [...seen];
}
