/**
 * Why a document was not added, as data: the kind of refusal and the documents in the way. Each front
 * end words it (the CLI in addUrlReport.ts, Discord in addRefusal.ts); nothing was written.
 */

import type { Duplicate } from '../ingest/duplicates.js';
import type { UploadDecision } from '../knowledge/uploadTarget.js';

export type Refusal =
  /** An option given with the document is wrong; `problem` says how, in words for the moderator. */
  | { kind: 'bad-option'; problem: string }
  /** An upload that is neither .md nor .txt. */
  | { kind: 'wrong-type' }
  | { kind: 'too-large'; bytes: number; maxBytes: number }
  /**
   * The address, the page or the file cannot be taken in (a blocked address, no article, a binary
   * file…): `reason` is one sentence without its full stop, and may quote the page, the URL or the file.
   */
  | { kind: 'unusable'; reason: string }
  | ArticleRefusal;

/** What refuses an article once it is read (and an upload once it is checked, but for `duplicate`). */
export type ArticleRefusal =
  /** The article is in the knowledge already, by URL or by text. */
  | { kind: 'duplicate'; duplicate: Duplicate }
  /** The folder's rules refuse the file's name (uploadTarget.ts); `decision.existing` are the files in the way. */
  | { kind: 'occupied'; decision: Extract<UploadDecision, { kind: 'refuse' }> }
  /** A file took the name between the decision and the write (an edit on disk): trying again may work. */
  | { kind: 'changed-meanwhile'; file: string };
