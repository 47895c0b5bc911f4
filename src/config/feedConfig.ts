/** Feeds: how often they are polled and where their items wait for a moderator's approval. */

import { optionalSnowflake, readInt } from './envValues.js';
import { readFetchConfig } from './fetchConfig.js';

type Env = Record<string, string | undefined>;

export interface FeedConfig {
  /** FEED_POLL_MINUTES (default 15, 1–1440), in milliseconds. */
  pollMs: number;
  /** REVIEW_CHANNEL_ID: where feed items are posted for review; null refuses feeds. */
  reviewChannelId: string | null;
  /** FETCH_ALLOW_PRIVATE, as for add-url: feeds and their articles on loopback or private networks. */
  allowPrivate: boolean;
}

/**
 * CRISIS_DESK_FEED_POLL_MS: a test hook (like CRISIS_DESK_CRASH_AT) polling every so many
 * milliseconds, so end-to-end tests need not wait minutes. Set only by tests, never in .env.
 */
const TEST_POLL_MS = 'CRISIS_DESK_FEED_POLL_MS';

export function readFeedConfig(env: Env): FeedConfig {
  const minutes = readInt(env, 'FEED_POLL_MINUTES', 15, 1, 1440);
  const testMs = env[TEST_POLL_MS] ? readInt(env, TEST_POLL_MS, 0, 50, 60_000) : null;
  return {
    pollMs: testMs ?? minutes * 60_000,
    reviewChannelId: optionalSnowflake(env, 'REVIEW_CHANNEL_ID'),
    allowPrivate: readFetchConfig(env).allowPrivate,
  };
}
