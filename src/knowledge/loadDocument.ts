/** One knowledge file's bytes to a document, or to a skipped entry that says what is wrong with it. */

import { createHash } from 'node:crypto';
import path from 'node:path';
import { hasFullSentence, MIN_SENTENCE_WORDS } from '../text/fullSentence.js';
import type { KnowledgeDocument, SkippedDocument } from '../types.js';
import { cleanText, countAlphanumericTokens, dropRepeatedTitle } from './clean.js';
import { FrontMatterError, MetadataError } from './errors.js';
import { parseFrontMatter } from './frontMatter.js';
import { inferMetadata } from './metadata.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/**
 * Less article text than this after cleaning, and not one full sentence (a brief has one), means the
 * file held only boilerplate.
 */
export const MIN_ARTICLE_WORDS = 20;
/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.1;

export interface LoadDocumentOptions {
  maxBytes?: number;
}

export type LoadedDocument = KnowledgeDocument | SkippedDocument;

export function isSkipped(result: LoadedDocument): result is SkippedDocument {
  return 'reason' in result;
}

export function documentId(file: string): string {
  return path.basename(file, path.extname(file));
}

export function tooLargeReason(size: number, maxBytes: number): string {
  return `too large: ${size} bytes, over the ${maxBytes}-byte limit`;
}

export function loadDocument(file: string, bytes: Buffer, opts: LoadDocumentOptions = {}): LoadedDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const skip = (reason: string): SkippedDocument => ({ file, reason });

  if (bytes.length === 0) return skip('empty file');
  if (bytes.length > maxBytes) return skip(tooLargeReason(bytes.length, maxBytes));
  const binary = binaryReason(bytes);
  if (binary) return skip(binary);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skip('not valid UTF-8 text (save the file as UTF-8)');
  }

  try {
    const { data, body } = parseFrontMatter(source);
    const cleaned = cleanText(body);
    const meta = inferMetadata(data, body, file, cleaned);
    const text = dropRepeatedTitle(cleaned, meta.title);
    const words = countAlphanumericTokens(text, MIN_ARTICLE_WORDS);
    if (words < MIN_ARTICLE_WORDS && !hasFullSentence(text)) {
      return skip(
        `no article text left after removing boilerplate (${words} words: at least ${MIN_ARTICLE_WORDS}, or a sentence of ${MIN_SENTENCE_WORDS}, needed)`,
      );
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    return { id: documentId(file), file, hash, meta, text };
  } catch (error) {
    if (error instanceof FrontMatterError) return skip(`unreadable front matter: ${error.message}`);
    if (error instanceof MetadataError) return skip(`invalid metadata: ${error.message}`);
    throw error;
  }
}

function binaryReason(bytes: Buffer): string | null {
  const bom = bytes.subarray(0, 2).toString('hex');
  if (bom === 'fffe' || bom === 'feff') return 'UTF-16 text, not UTF-8 (save the file as UTF-8)';
  if (bytes.includes(0)) return 'binary file (contains NUL bytes)';
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL are not.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      controls++;
    }
  }
  return controls / bytes.length > MAX_CONTROL_SHARE ? 'binary file (too many control characters)' : null;
}
