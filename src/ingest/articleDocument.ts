/**
 * An extracted article as a knowledge file: front matter (what the page says, the moderator's options
 * over it, and which fields were read off the page) and the paragraphs separated by blank lines. The
 * file goes through the same loadDocument as an upload, so the boilerplate table and every check of
 * /knowledge add apply, and the passage count the preview shows is the one the index will have.
 */

import { countAlphanumericTokens } from '../knowledge/clean.js';
import { FrontMatterError } from '../knowledge/errors.js';
import { serializeFrontMatter } from '../knowledge/frontMatter.js';
import { isSkipped } from '../knowledge/loadDocument.js';
import { loadDocumentOffThread, segmentedAlready } from '../knowledge/loadDocumentOffThread.js';
import { OUTLET_CLAIM_KEY } from '../knowledge/outletClaim.js';
import { contentSuffix, safeFileName } from '../knowledge/safeFileName.js';
import { type UploadOptions, uploadOptionsProblem, withFrontMatter } from '../knowledge/uploadMeta.js';
import { segmentDocument } from '../text/segment.js';
import type { DocumentMeta, KnowledgeDocument, MetadataField } from '../types.js';
import { IngestError } from './errors.js';
import type { ExtractedArticle } from './extractFromHtml.js';
import { textKey } from './textKey.js';

/** What a moderator sees before choosing Add or Cancel. */
export interface ArticlePreview {
  /** The file it would be written as (a replace goes under the existing file's name instead). */
  file: string;
  title: string;
  outlet: string | null;
  /** The outlet the page claimed to be, when its site did not bear that out. */
  outletClaim?: string;
  author: string | null;
  published: string | null;
  url: string | null;
  /** Fields read off the page rather than given by the moderator. */
  inferred: MetadataField[];
  passages: number;
  firstPassage: string | null;
  words: number;
}

export interface PreparedArticle {
  /** The knowledge file's name (a safe name of our own, from the title) and its bytes. */
  file: string;
  bytes: Buffer;
  /** As the knowledge loader reads the file. */
  meta: DocumentMeta;
  /** The normalised text's key, for duplicate detection (textKey.ts). */
  textKey: string;
  preview: ArticlePreview;
}

/**
 * The knowledge file's text: the moderator's options win over what was read off the page (an outlet
 * the moderator gives ends the page's claim to one).
 */
export function articleDocumentText(article: ExtractedArticle, options: UploadOptions = {}): string {
  const given = new Set(
    Object.entries(options)
      .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
      .map(([field]) => field),
  );
  const page: Record<string, string | null> = {
    title: article.title,
    outlet: article.outlet,
    [OUTLET_CLAIM_KEY]: given.has('outlet') ? null : article.outletClaim,
    author: article.author,
    published: article.published,
    url: article.url,
    language: article.language,
  };
  const inferred = article.inferred.filter((field) => !given.has(field));
  const data = Object.fromEntries(Object.entries(page).filter(([, value]) => value !== null));
  if (inferred.length > 0) data.inferred = inferred.join(', ');
  return withFrontMatter(`${serializeFrontMatter(data)}${article.paragraphs.join('\n\n')}\n`, options);
}

/**
 * The file to write for `article`, checked as an upload is, with its preview. Throws IngestError when
 * an option is invalid, or when nothing of the article is left once boilerplate is removed.
 */
export async function prepareArticleDocument(
  article: ExtractedArticle,
  options: UploadOptions = {},
): Promise<PreparedArticle> {
  const problem = uploadOptionsProblem(options);
  if (problem) throw new IngestError('bad-option', problem.replace(/\.$/, ''));
  let text: string;
  try {
    text = articleDocumentText(article, options);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new IngestError('bad-option', error.message);
    throw error;
  }
  const bytes = Buffer.from(text, 'utf8');
  // Named from the title the loader settles on (the page's, the moderator's, or the first line's).
  const doc = await loadDocumentOffThread('article.md', bytes);
  if (isSkipped(doc)) throw new IngestError('no-article', `the article cannot be added: ${doc.reason}`);
  const file = safeFileName('', '.md', { title: doc.meta.title, unique: contentSuffix(bytes) });
  const passages = segmentedAlready(doc) ?? segmentDocument(doc);
  return {
    file,
    bytes,
    meta: doc.meta,
    textKey: textKey(doc.text),
    preview: previewOf(file, doc, passages.length, passages[0]?.text ?? null),
  };
}

function previewOf(
  file: string,
  doc: KnowledgeDocument,
  passages: number,
  first: string | null,
): ArticlePreview {
  const { language: _language, ...shown } = doc.meta;
  const words = countAlphanumericTokens(doc.text);
  return { file, ...shown, passages, firstPassage: first, words };
}
