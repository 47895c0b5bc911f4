/** How the bot and the command line fetch pages for the knowledge (add by URL, feeds). */

import { readBool } from './envValues.js';

export interface FetchConfig {
  /**
   * FETCH_ALLOW_PRIVATE: pages on loopback and private networks may be fetched (tests, an intranet news
   * site). Off by default: a link must not reach the bot's own machine or network.
   */
  allowPrivate: boolean;
}

export function readFetchConfig(env: Record<string, string | undefined> = process.env): FetchConfig {
  return { allowPrivate: readBool(env, 'FETCH_ALLOW_PRIVATE', false) };
}
