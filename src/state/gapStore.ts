/** A question the knowledge could not answer, as one member asked it. */
export interface UnansweredQuestion {
  id: number;
  /** What groups near-duplicates together (computed by the caller from the question). */
  groupKey: string;
  query: string;
  /** The asker's hashed id. */
  member: string;
  askedAt: string;
  /** Null while the knowledge still cannot answer it. */
  answeredAt: string | null;
}

/** Pending questions of one group: what `/knowledge gaps` lists. */
export interface GapGroup {
  groupKey: string;
  /** The latest spelling asked. */
  query: string;
  asks: number;
  /** Distinct members who asked. */
  members: number;
  /** Distinct members waiting to be told. */
  subscribers: number;
  firstAsked: string;
  lastAsked: string;
}

/** A member's "tell me when this is covered". */
export interface GapSubscription {
  id: number;
  questionId: number;
  groupKey: string;
  query: string;
  /** Hashed id, for logs. */
  member: string;
  /** The raw Discord id, kept only until the member is told (null after). */
  memberId: string | null;
  /** Where the member asked: the fallback mention goes there when DMs are closed. */
  channelId: string | null;
  threadId: string | null;
  subscribedAt: string;
  notifiedAt: string | null;
}

export interface SubscribeRequest {
  questionId: number;
  member: string;
  memberId: string;
  channelId: string | null;
  threadId: string | null;
}

export type SubscribeResult =
  | { outcome: 'subscribed' | 'already_subscribed'; subscription: GapSubscription }
  /** The question was answered meanwhile, or is no longer known (forgotten, or a bad id). */
  | { outcome: 'answered' | 'unknown' };

/** Unanswered questions and who wants to hear when they are covered. */
export interface GapStore {
  /** Keeps a question the knowledge could not answer; the id is what a "Tell me" button carries. */
  recordUnanswered(question: { groupKey: string; query: string; member: string }, at?: Date): Promise<number>;
  /** Subscribes a member to a pending question; once per member and question. */
  subscribe(request: SubscribeRequest, at?: Date): Promise<SubscribeResult>;
  /** Questions not answered yet, oldest first: what a reindex asks again. */
  pending(): Promise<UnansweredQuestion[]>;
  /** Every question kept, answered since or not, oldest first: the misses `npm run feedback` counts. */
  asked(): Promise<UnansweredQuestion[]>;
  /** One question by id while it is pending; undefined once answered, forgotten or never kept. */
  pendingQuestion(id: number): Promise<UnansweredQuestion | undefined>;
  /** Pending questions by group, most members first, then the latest asked. */
  groups(): Promise<GapGroup[]>;
  /**
   * Marks questions answered (they leave `pending` and `groups`) and returns who is still to be
   * told: one subscription per member and group, on these questions.
   */
  markAnswered(questionIds: readonly number[], at?: Date): Promise<GapSubscription[]>;
  /**
   * Claims telling a member: true for exactly one caller, and then for none of the member's other
   * subscriptions in the same group (each member is told once per question, across replicas).
   * Claim before sending. The raw member id is dropped with the claim.
   */
  claimNotification(subscriptionId: number, at?: Date): Promise<boolean>;
  /**
   * Gives back a claim whose notice was never sent (nothing went out: the member's mention of the
   * day was spent): the subscription waits again, raw id restored, for a later run.
   */
  releaseNotification(subscriptionId: number, memberId: string): Promise<void>;
  /** Subscriptions of answered questions not claimed yet (to finish after a restart). */
  unnotified(): Promise<GapSubscription[]>;
  /**
   * Claims a channel mention of the member (by hashed id): true for exactly one caller, unless the
   * member was mentioned less than `intervalMs` ago. `mentionedAt` is the mention that stands: this
   * one when claimed, else the earlier one.
   */
  claimMention(
    member: string,
    intervalMs: number,
    at?: Date,
  ): Promise<{ claimed: boolean; mentionedAt: string }>;
  /** /forget-me: every question, subscription and mention record of the member, by hashed or raw id. */
  forgetMember(member: {
    member: string;
    memberId: string;
  }): Promise<{ questions: number; subscriptions: number }>;
}
