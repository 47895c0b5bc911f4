import type { Log } from '../log/log.js';
import { EVERY_DOCUMENT_GONE_ADVICE, EveryDocumentGoneError } from './errors.js';
import { LISTED_NAMES, type ReindexReport, reportLogFields } from './reindexReport.js';

/** The "reindex finished" line, and one line for the files skipped however many. */
export function logReindexFinished(logger: Log, report: ReindexReport): void {
  logger.info(reportLogFields(report), 'reindex finished');
  if (report.skipped.length > 0)
    logger.warn(
      {
        count: report.skipped.length,
        files: report.skipped.slice(0, LISTED_NAMES).map((s) => s.file),
        reasons: 'npm run validate-knowledge lists each file with its reason',
      },
      'documents skipped',
    );
}

/** A reindex refused because the folder holds none of the indexed documents: what to do about it. */
export function logReindexRefused(logger: Log, error: unknown): void {
  if (error instanceof EveryDocumentGoneError)
    logger.warn(
      { reason: error.message, indexed: error.indexed, todo: EVERY_DOCUMENT_GONE_ADVICE },
      'not reindexing: the knowledge folder holds none of the indexed documents; the index still serves',
    );
}
