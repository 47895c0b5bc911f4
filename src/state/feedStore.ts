/** A feed the bot polls, with what the next conditional request and the back-off need. */
export interface Feed {
  id: number;
  url: string;
  name: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failed polls; 0 after a success. */
  failures: number;
  /** Not polled before this time (back-off after errors); null when not backing off. */
  retryAt: string | null;
  lastError: string | null;
  lastPolledAt: string | null;
  addedAt: string;
  /** Hashed id of the moderator who added it. */
  addedBy: string | null;
  /** When it was paused (not polled until a moderator resumes it), and why; null when it is not. */
  pausedAt: string | null;
  pauseReason: string | null;
}

/** A feed item that was not queued for review, and why (one sentence, our words; it may quote the page). */
export interface SkippedItem {
  title: string | null;
  link: string | null;
  reason: string;
  at: string;
}

/** How many skipped items a feed keeps (the newest). */
export const SKIPPED_KEPT = 5;

/** An item of a feed as far as "seen" goes: its guid, its link, or both. */
export interface FeedItemRef {
  guid: string | null;
  link: string | null;
}

export interface FeedStore {
  /** Adds a feed; an URL already there is returned as it is, with `created: false`. */
  add(
    feed: { url: string; name: string | null; addedBy: string | null },
    at?: Date,
  ): Promise<{ feed: Feed; created: boolean }>;
  list(): Promise<Feed[]>;
  get(id: number): Promise<Feed | null>;
  byUrl(url: string): Promise<Feed | null>;
  /** Removes a feed and what it has seen; false when there was none. */
  remove(id: number): Promise<boolean>;
  /**
   * Feeds to poll now: never polled, polled `intervalMs` ago or more, or asked for (pollSoon); neither
   * backing off nor paused.
   */
  due(intervalMs: number, at?: Date): Promise<Feed[]>;
  /** The feed is due at the next round, however recently it was polled. */
  pollSoon(id: number): Promise<void>;
  /** Pauses a feed; true for the call that paused it (false when it was paused already, or is gone). */
  pause(id: number, reason: string, at?: Date): Promise<boolean>;
  /** Ends a pause, and the feed is polled at the next round; false when it was not paused. */
  resume(id: number): Promise<boolean>;
  /** Keeps an item that was skipped, with the reason: the newest SKIPPED_KEPT (nothing for a feed that is gone). */
  recordSkipped(id: number, item: Omit<SkippedItem, 'at'>, at?: Date): Promise<void>;
  /** Its items skipped last, newest first. */
  skipped(id: number): Promise<SkippedItem[]>;
  /** A poll that worked (a 304 too): the validators for the next request; the back-off ends. */
  recordSuccess(
    id: number,
    validators: { etag: string | null; lastModified: string | null },
    at?: Date,
  ): Promise<void>;
  /** A poll that failed: one more failure, and no poll before `retryAt`. Returns the feed as now. */
  recordFailure(id: number, failure: { error: string; retryAt: Date }, at?: Date): Promise<Feed | null>;
  /** The items not seen before (by guid or link), in the order given. */
  unseen<T extends FeedItemRef>(feedId: number, items: readonly T[]): Promise<T[]>;
  /** Remembers items as seen; returns how many were new (none for a feed removed meanwhile). */
  markSeen(feedId: number, items: readonly FeedItemRef[], at?: Date): Promise<number>;
}
