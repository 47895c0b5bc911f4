/**
 * Adds a prepared article to the knowledge folder by the rules of /knowledge add: refused when it is
 * there already (same canonical URL, or same text), written under its safe name one change at a time,
 * and replacing only the same document when asked to (`replace`: the document with its URL, under that
 * document's own file name). Then its provenance snapshot is saved. The caller reindexes.
 */

import { placeUpload } from '../knowledge/placeUpload.js';
import type { UploadDecision } from '../knowledge/uploadTarget.js';
import { FileExistsError } from '../knowledge/writeAtomic.js';
import type { PreparedArticle } from './articleDocument.js';
import { type Duplicate, findDuplicate, type KnownDocument } from './duplicates.js';
import { IngestError } from './ingestError.js';
import type { FetchedPage } from './safeFetch.js';
import { type SavedSnapshot, saveSnapshot } from './snapshot.js';

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
  | {
      kind: 'added' | 'replaced';
      file: string;
      /** Null when the snapshot could not be written (the document is in; `snapshotError` says why). */
      snapshot: SavedSnapshot | null;
      snapshotError?: string;
    }
  | { kind: 'duplicate'; duplicate: Duplicate }
  | { kind: 'refused'; decision: Extract<UploadDecision, { kind: 'refuse' }> };

export type ArticleTarget =
  /** `replaces`: the document with the article's URL, when replacing it. */
  | { kind: 'file'; file: string; replaces: KnownDocument | null }
  | { kind: 'duplicate'; duplicate: Duplicate };

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
  const candidate = { urls: [prepared.meta.url, page.finalUrl, page.url], textKey: prepared.textKey };
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
  const { file } = target;
  let decision: UploadDecision;
  try {
    decision = await placeUpload(
      knowledgeDir,
      { file, meta: { title: prepared.meta.title, url: prepared.meta.url } },
      prepared.bytes,
      { replace },
    );
  } catch (error) {
    if (error instanceof FileExistsError)
      throw new IngestError(
        'conflict',
        `a file named ${file} appeared in the knowledge folder meanwhile; try again`,
      );
    throw error;
  }
  if (decision.kind === 'refuse') return { kind: 'refused', decision };
  const kind = decision.kind === 'replace' ? 'replaced' : 'added';
  try {
    return { kind, file: decision.file, snapshot: await saveSnapshot(dataDir, decision.file, page) };
  } catch (error) {
    return { kind, file: decision.file, snapshot: null, snapshotError: (error as Error).message };
  }
}
