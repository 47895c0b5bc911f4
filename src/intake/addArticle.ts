import type { PreparedArticle } from '../ingest/articleDocument.js';
import { type AddReport, reportAdded, wasAdded } from './addReport.js';
import type { IntakeDeps } from './intakeDeps.js';
import { type ArticleSource, placeArticle } from './placeArticle.js';
import type { ArticleRefusal } from './refusal.js';

/** An article read off its page and made into its knowledge file, as Add adds it. */
export interface ArticleToAdd {
  prepared: PreparedArticle;
  /** The page as fetched, for the provenance snapshot (its decoded text is not needed). */
  page: ArticleSource;
  replace: boolean;
}

/**
 * The one way a read article goes into the knowledge (add-url, the preview's Add, an approved feed
 * item): placed (placeArticle.ts), the index brought up to date, and the report of what it holds.
 */
export async function addArticle(
  { prepared, page, replace }: ArticleToAdd,
  deps: IntakeDeps,
): Promise<AddReport | ArticleRefusal> {
  const { knowledgeDir, dataDir } = deps.config;
  // Asked again: another moderator may have added it since the preview.
  const known = await deps.engine.knowledge.knownDocuments();
  const placed = await placeArticle({ knowledgeDir, dataDir, prepared, page, known, replace });
  if (!wasAdded(placed)) return placed;
  return reportAdded({ ...placed, meta: prepared.meta }, deps.engine);
}
