/**
 * Writes a prepared article into the knowledge folder by the rules of /knowledge add: refused when it
 * is there already (same URL of its own, or same text), written under its safe name one change at a
 * time, and replacing only the same document when asked to (`replace`: the document with its URL, under
 * that document's own file name). Then its provenance snapshot is saved. addArticle reindexes.
 */

import type { PreparedArticle } from '../ingest/articleDocument.js';
import { articleUrls, findDuplicate, type KnownDocument } from '../ingest/duplicates.js';
import type { FetchedPage } from '../ingest/safeFetch.js';
import { saveSnapshot } from '../ingest/snapshot.js';
import { type SnapshotOutcome, wasAdded } from './addReport.js';
import { placeFile } from './placeFile.js';
import type { ArticleRefusal } from './refusal.js';

/** What placing needs of the fetched page: its addresses and its bytes for the snapshot, not its text. */
export type ArticleSource = Omit<FetchedPage, 'html'>;

export interface PlaceArticleInput {
  knowledgeDir: string;
  dataDir: string;
  prepared: PreparedArticle;
  page: ArticleSource;
  /** The documents the knowledge holds now (knownDocuments of the served index). */
  known: readonly KnownDocument[];
  replace: boolean;
}

export type PlaceArticleResult =
  | { kind: 'added' | 'replaced'; file: string; snapshot: SnapshotOutcome }
  | ArticleRefusal;

export type ArticleTarget =
  /** `replaces`: the document with the article's URL, when replacing it. */
  | { kind: 'file'; file: string; replaces: KnownDocument | null }
  | Extract<ArticleRefusal, { kind: 'duplicate' }>;

/**
 * Where the article would go: its own file name, the file of the document with its URL when replacing,
 * or the document it duplicates. A preview asks this before Add, and placing asks again.
 */
export function articleTarget(
  known: readonly KnownDocument[],
  prepared: Pick<PreparedArticle, 'file' | 'meta' | 'textKey'>,
  page: Pick<ArticleSource, 'url' | 'finalUrl'>,
  replace: boolean,
): ArticleTarget {
  const candidate = { urls: articleUrls(prepared.meta.url, page), textKey: prepared.textKey };
  const duplicate = findDuplicate(known, candidate);
  if (!duplicate) return { kind: 'file', file: prepared.file, replaces: null };
  // The same text under another URL is another document's: never replaced from here.
  if (!replace || duplicate.by === 'text') return { kind: 'duplicate', duplicate };
  const another = findDuplicate(known, candidate, duplicate.existing.id);
  if (another) return { kind: 'duplicate', duplicate: another };
  return { kind: 'file', file: duplicate.existing.file, replaces: duplicate.existing };
}

export async function placeArticle({
  knowledgeDir,
  dataDir,
  prepared,
  page,
  known,
  replace,
}: PlaceArticleInput): Promise<PlaceArticleResult> {
  const target = articleTarget(known, prepared, page, replace);
  if (target.kind === 'duplicate') return target;
  const meta = { title: prepared.meta.title, url: prepared.meta.url };
  const placed = await placeFile(knowledgeDir, { file: target.file, meta }, prepared.bytes, replace);
  if (!wasAdded(placed)) return placed;
  return { ...placed, snapshot: await keepSnapshot(dataDir, placed.file, page) };
}

async function keepSnapshot(dataDir: string, file: string, page: ArticleSource): Promise<SnapshotOutcome> {
  try {
    return { kind: 'saved', ...(await saveSnapshot(dataDir, file, page)) };
  } catch (error) {
    return { kind: 'failed', error: (error as Error).message };
  }
}
