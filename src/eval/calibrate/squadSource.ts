/**
 * The SQuAD-train benchmark of ../shared/squad (read by path, never copied into the project): its articles
 * as knowledge documents, and its crowd questions.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isSkipped, loadDocument } from '../../knowledge/loadDocument.js';
import type { KnowledgeDocument } from '../../types.js';

export interface SquadArticle {
  id: string;
  title: string;
  split: 'A' | 'B' | 'D';
  paragraphs: string[];
}

export interface SquadPair {
  q: string;
  article: string;
  paragraph: number;
  answers: string[];
}

function gzipLines<T>(file: string): T[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export function readArticles(squadDir: string): SquadArticle[] {
  return gzipLines<SquadArticle>(path.join(squadDir, 'articles.jsonl.gz'));
}

export function readPairs(squadDir: string): SquadPair[] {
  return gzipLines<SquadPair>(path.join(squadDir, 'train-pairs.jsonl.gz'));
}

/** The article as make-knowledge.mjs writes it, loaded through the same pipeline as any knowledge file. */
export function articleDocument(article: SquadArticle): KnowledgeDocument {
  const md = `---\ntitle: ${JSON.stringify(article.title)}\noutlet: "Wikipedia"\nlanguage: en\n---\n${article.paragraphs.join('\n\n')}\n`;
  const loaded = loadDocument(`${article.id}.md`, Buffer.from(md, 'utf8'));
  if (isSkipped(loaded)) throw new Error(`${article.id}: ${loaded.reason}`);
  return loaded;
}
