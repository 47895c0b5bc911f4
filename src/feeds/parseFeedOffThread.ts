/**
 * parseFeed without holding up the bot: a feed of up to INLINE_CHARS (most feeds; a few milliseconds)
 * is parsed in place, a larger one (up to the 5 MB fetch limit; about a second) in a worker thread of
 * its own, stopped when done or after PARSE_TIMEOUT_MS. Feeds are polled minutes apart, so a worker
 * per large feed costs little.
 */

import { formatDuration } from '../ingest/formatLimits.js';
import { startWorker } from '../util/startWorker.js';
import { FeedError } from './errors.js';
import { type ParsedFeed, parseFeed } from './parseFeed.js';
import type { ParseJob, ParseJobResult } from './parseFeedWorker.js';

export const INLINE_CHARS = 128 * 1024;
export const PARSE_TIMEOUT_MS = 20_000;

export async function parseFeedOffThread(
  xml: string,
  url: string,
  inlineChars = INLINE_CHARS,
): Promise<ParsedFeed> {
  if (xml.length <= inlineChars) return parseFeed(xml, url);
  const worker = startWorker(import.meta.url, 'parseFeedWorker', {
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  let timer: NodeJS.Timeout | undefined;
  return new Promise<ParsedFeed>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new FeedError(`the feed took over ${formatDuration(PARSE_TIMEOUT_MS)} to read`)),
      PARSE_TIMEOUT_MS,
    );
    worker.once('message', (result: ParseJobResult) => {
      if ('feed' in result) resolve(result.feed);
      else if (result.error.feed) reject(new FeedError(result.error.message));
      else reject(new Error(result.error.message));
    });
    worker.once('error', (error) => reject(new FeedError(`the feed could not be read: ${error.message}`)));
    // After a result this rejection comes too late to count.
    worker.once('exit', (code) =>
      reject(new FeedError(`the feed could not be read (the reader stopped, code ${code})`)),
    );
    worker.postMessage({ xml, url } satisfies ParseJob);
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}
