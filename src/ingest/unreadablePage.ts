/**
 * What a moderator is told when reading a page fails in a way no check foresaw (a bug, or a library
 * tripping over a page it cannot parse): one fixed sentence, never the exception's own text, which
 * goes to the log with its stack. Every way of reading a page goes through readingPage.
 */

import type { Log } from '../log/log.js';
import { IngestError } from './errors.js';

export const UNREADABLE_PAGE = 'the page could not be read as an article (the log has the details)';

/** Runs `read`: an IngestError passes as it is; any other error is logged and becomes UNREADABLE_PAGE. */
export async function readingPage<T>(url: string, log: Log, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof IngestError) throw error;
    log.error({ err: error, url }, 'a page could not be read: unexpected error');
    throw new IngestError('extraction-failed', UNREADABLE_PAGE, { cause: error });
  }
}
