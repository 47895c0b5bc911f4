export type ReviewStatus = 'pending' | 'approved' | 'rejected';
export type ReviewDecision = Exclude<ReviewStatus, 'pending'>;

/** What the moderators see of a feed item before deciding; kept as JSON, so fields may be added. */
export interface ReviewPreview {
  title: string;
  outlet: string | null;
  published: string | null;
  url: string;
  passages: number;
  firstPassage: string;
  [more: string]: unknown;
}

/** A feed item found to be a pending item's article (same URL or same text): noted on it, not queued. */
export interface MergedItem {
  feedId: number;
  /** The feed's name (or URL) when it was merged. */
  feed: string;
  itemKey: string;
  at: string;
}

/** What tells a pending item's article apart: its URL and its text's key (null for items older than keys). */
export interface PendingKey {
  id: number;
  feedId: number | null;
  url: string;
  title: string;
  textKey: string | null;
}

export interface ReviewItem {
  id: number;
  /** Null once its feed was removed. */
  feedId: number | null;
  /** The feed item's guid, else its link. */
  itemKey: string;
  url: string;
  preview: ReviewPreview;
  /** Where the preview was posted; null until it is. */
  channelId: string | null;
  messageId: string | null;
  status: ReviewStatus;
  /** The hashed id of the moderator who decided (null for decisions kept before ids were hashed). */
  decidedBy: string | null;
  decidedAt: string | null;
  /** When an approved item's document was added; null until then (resumed after a crash). */
  appliedAt: string | null;
  createdAt: string;
}

export type DecideResult =
  /** `won` is true for the first decision only; `item` shows the decision that stands. */
  { won: boolean; item: ReviewItem } | { won: false; item: null };

/** Feed items awaiting a moderator's approval. */
export interface ReviewQueue {
  /**
   * Queues an item; an URL already queued (from any feed) is returned as it is, with `created: false`.
   * Throws FeedRemovedError when its feed is gone.
   */
  enqueue(
    item: { feedId: number | null; itemKey: string; url: string; preview: ReviewPreview; textKey?: string },
    at?: Date,
  ): Promise<{ item: ReviewItem; created: boolean }>;
  /** The pending items' URLs and text keys, for finding a pending duplicate. */
  pendingKeys(): Promise<PendingKey[]>;
  /**
   * Notes on a pending item (in its preview's `merged`) that another feed item is the same article.
   * Returns the item as now when the note is new; null when it is there already, when `from` is the
   * item itself, or when the item is no longer pending.
   */
  merge(id: number, from: Omit<MergedItem, 'at'>, at?: Date): Promise<ReviewItem | null>;
  /** Pending items in all, and those of one feed (the ones merged into others included). */
  waiting(feedId: number): Promise<{ feed: number; all: number }>;
  /** Removes a feed's pending items (a feed removed); returns them. */
  dropPending(feedId: number): Promise<ReviewItem[]>;
  /** Records the message that shows the preview. */
  attachMessage(id: number, message: { channelId: string; messageId: string }): Promise<void>;
  get(id: number): Promise<ReviewItem | null>;
  byMessage(messageId: string): Promise<ReviewItem | null>;
  /** Items with no decision yet, oldest first. */
  pending(): Promise<ReviewItem[]>;
  /** The first decision wins, atomically across connections and processes. */
  decide(id: number, decision: { status: ReviewDecision; by: string }, at?: Date): Promise<DecideResult>;
  /** Approved items whose document is not added yet, oldest first. */
  awaitingApply(): Promise<ReviewItem[]>;
  markApplied(id: number, at?: Date): Promise<void>;
}
