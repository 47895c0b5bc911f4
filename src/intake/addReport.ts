import type { SavedSnapshot } from '../ingest/snapshot.js';
import { documentId } from '../knowledge/loadDocument.js';
import type { DocumentMeta } from '../types.js';
import { crashPoint } from '../util/crashPoint.js';
import type { IntakeDeps } from './intakeDeps.js';
import { type ReindexOutcome, reindexAfterChange } from './reindexAfterChange.js';

/** An article's page kept for provenance, or why it was not (the document is in either way). */
export type SnapshotOutcome = ({ kind: 'saved' } & SavedSnapshot) | { kind: 'failed'; error: string };

/** What adding a document did: everything a front end shows of it. */
export interface AddReport {
  /** replaced: the file of the same document was written over. */
  kind: 'added' | 'replaced';
  file: string;
  /** As the index holds it: from the reindex's `arrived`, else the served index; as written (no passages) when neither has it. */
  meta: DocumentMeta;
  passages: number;
  firstPassage: string | null;
  /** Null for an upload: there is no page to keep. */
  snapshot: SnapshotOutcome | null;
  reindex: ReindexOutcome;
}

/** True when the document went in; false for a refusal. */
export function wasAdded<R extends { kind: string }>(
  result: R,
): result is Extract<R, { kind: 'added' | 'replaced' }> {
  return result.kind === 'added' || result.kind === 'replaced';
}

/** The report of a document just written: the index brought up to date, and what it holds of the document. */
export async function reportAdded(
  written: Pick<AddReport, 'kind' | 'file' | 'meta' | 'snapshot'>,
  engine: IntakeDeps['engine'],
): Promise<AddReport> {
  crashPoint('add:before-reindex');
  const reindex = await reindexAfterChange(engine);
  const id = documentId(written.file);
  // A reindex already running when the file was written may have taken it in before this one.
  const arrived = reindex.kind === 'ran' ? reindex.report.arrived.find((d) => d.id === id) : undefined;
  const indexed = arrived ?? engine.knowledge.document(id);
  return {
    ...written,
    meta: indexed?.meta ?? written.meta,
    passages: indexed?.passages ?? 0,
    firstPassage: indexed?.firstPassage ?? null,
    reindex,
  };
}
