import type { GapSubscription } from '../state/gapStore.js';
import type { Answer } from '../types.js';

/** A question a member asked to be told about, now covered, with the answer /ask gives it. */
export interface CoveredQuestion {
  subscription: GapSubscription;
  answer: Answer;
}

/** Everything one member is told after a run, in one message, oldest request first. */
export interface MemberNotice {
  /** The raw Discord id, to reach them. */
  memberId: string;
  /** The hashed id, for logs and the mention record. */
  member: string;
  covered: readonly CoveredQuestion[];
}

/** The two ways to tell a member, Discord behind them. */
export interface NoticeSender {
  /** One direct message; false when the member's DMs are closed to the bot (nothing was sent). */
  dm(notice: MemberNotice): Promise<boolean>;
  /** One mention where the member asked, naming only the sources; throws when it cannot be posted. */
  mention(notice: MemberNotice): Promise<void>;
}
