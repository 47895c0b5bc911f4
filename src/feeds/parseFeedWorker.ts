/** Worker thread: parses one large feed off the main thread's event loop (parseFeedOffThread.ts). */

import { parentPort } from 'node:worker_threads';
import { FeedError } from './errors.js';
import { type ParsedFeed, parseFeed } from './parseFeed.js';

export interface ParseJob {
  xml: string;
  url: string;
}

export type ParseJobResult = { feed: ParsedFeed } | { error: { feed: boolean; message: string } };

parentPort?.once('message', (job: ParseJob) => {
  let result: ParseJobResult;
  try {
    result = { feed: parseFeed(job.xml, job.url) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { error: { feed: error instanceof FeedError, message } };
  }
  parentPort?.postMessage(result);
});
