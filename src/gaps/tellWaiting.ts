import type { Log } from '../log/log.js';
import type { GapStore, GapSubscription } from '../state/gapStore.js';
import type { Answer } from '../types.js';
import type { CoveredQuestion, MemberNotice, NoticeSender } from './memberNotice.js';

/** A member whose DMs are closed is mentioned in a channel at most once in this long. */
export const MENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface TellDeps {
  gaps: Pick<GapStore, 'unnotified' | 'claimNotification' | 'releaseNotification' | 'claimMention'>;
  send: NoticeSender;
  logger: Log;
}

export interface TellReport {
  /** Members told by direct message, one message each. */
  dm: number;
  /** Members told by a mention where they asked (their DMs closed), one each. */
  mention: number;
  /** Notices claimed but not delivered (logged); never retried, so no one is told twice. */
  failed: number;
  /** Waiting subscriptions whose question no longer has an answer (a rollback): left for a later run. */
  deferred: number;
  /** Waiting subscriptions of members with DMs closed, mentioned less than a day ago: left for a later run. */
  held: number;
  /** When the first held member may be mentioned again: the run to schedule; null when none is held. */
  retryAt: string | null;
}

type Waiting = GapSubscription & { memberId: string };

/** Subscriptions by member (hashed id), members in the order of their first one. */
function byMember(subscriptions: readonly GapSubscription[]): Waiting[][] {
  const members = new Map<string, Waiting[]>();
  for (const subscription of subscriptions) {
    const { memberId } = subscription;
    if (memberId === null) continue;
    const own = members.get(subscription.member) ?? [];
    own.push({ ...subscription, memberId });
    members.set(subscription.member, own);
  }
  return [...members.values()];
}

/**
 * Tells every member still waiting on an answered question (also those a restart interrupted), in
 * one notice a member listing all that became covered. Each subscription is claimed before the
 * notice is sent, so that a crash or another replica never tells anyone twice; a notice that then
 * fails to deliver is logged and given up.
 */
export async function tellWaiting(deps: TellDeps, ask: (query: string) => Answer): Promise<TellReport> {
  const report: TellReport = { dm: 0, mention: 0, failed: 0, deferred: 0, held: 0, retryAt: null };
  for (const waiting of byMember(await deps.gaps.unnotified())) {
    const covered: CoveredQuestion[] = [];
    for (const subscription of waiting) {
      const answer = ask(subscription.query);
      if (!answer.answered) report.deferred++;
      else if (await deps.gaps.claimNotification(subscription.id)) covered.push({ subscription, answer });
    }
    const [first] = waiting;
    if (first && covered.length > 0)
      await tellMember(deps, { member: first.member, memberId: first.memberId, covered }, report);
  }
  return report;
}

/**
 * One member's notice: a direct message; with DMs closed, their one mention of the day; when that
 * was spent, the claims are given back and the questions wait for a later run (told in its notice).
 */
async function tellMember(deps: TellDeps, notice: MemberNotice, report: TellReport): Promise<void> {
  const { member, memberId, covered } = notice;
  try {
    if (await deps.send.dm(notice)) {
      report.dm++;
      return;
    }
    const mention = await deps.gaps.claimMention(member, MENTION_INTERVAL_MS);
    if (mention.claimed) {
      await deps.send.mention(notice);
      report.mention++;
      return;
    }
    for (const { subscription } of covered) await deps.gaps.releaseNotification(subscription.id, memberId);
    report.held += covered.length;
    const reopens = new Date(Date.parse(mention.mentionedAt) + MENTION_INTERVAL_MS).toISOString();
    if (report.retryAt === null || reopens < report.retryAt) report.retryAt = reopens;
  } catch (error) {
    report.failed++;
    deps.logger.warn(
      { err: error, member, subscriptions: covered.map((c) => c.subscription.id) },
      'could not tell a member their questions are now answered',
    );
  }
}
