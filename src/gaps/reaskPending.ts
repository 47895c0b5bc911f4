import type { Log } from '../log/log.js';
import type { GapStore, GapSubscription } from '../state/gapStore.js';
import type { Answer } from '../types.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';

/** How a member was told: a direct message, or a mention where they asked (their DMs closed). */
export type Told = 'dm' | 'mention';

export interface ReaskDeps {
  gaps: Pick<GapStore, 'pending' | 'markAnswered' | 'claimNotification' | 'unnotified'>;
  /** The question asked as /ask asks it: `answered` is the bot's answerability decision. */
  ask(query: string): Answer;
  /** Tells a member their question is answered; throws when neither a DM nor a mention got through. */
  tell(subscription: GapSubscription & { memberId: string }, answer: Answer): Promise<Told>;
  logger: Log;
}

export interface ReaskReport {
  /** Pending questions asked again. */
  asked: number;
  /** Of those, the ones the knowledge now answers (they leave the queue). */
  answered: number;
  dm: number;
  mention: number;
  /** Claimed but not delivered (logged); never retried, so no one is told twice. */
  failed: number;
  /** Waiting members whose question no longer has an answer (a rollback): left for a later run. */
  deferred: number;
}

/** Asks each distinct query once per run. */
function memoAsk(ask: (query: string) => Answer): (query: string) => Answer {
  const answers = new Map<string, Answer>();
  return (query) => {
    let answer = answers.get(query);
    if (!answer) {
      answer = ask(query);
      answers.set(query, answer);
    }
    return answer;
  };
}

/**
 * After the knowledge changed: asks every pending question again, marks the answered ones (they
 * leave the queue and /knowledge gaps), then tells each waiting member once (see tellWaiting).
 */
export async function reaskPending(deps: ReaskDeps): Promise<ReaskReport> {
  const ask = memoAsk(deps.ask);
  const slicer = new TimeSlicer();
  const pending = await deps.gaps.pending();
  const answered: number[] = [];
  for (const question of pending) {
    if (ask(question.query).answered) answered.push(question.id);
    await slicer.maybeYield();
  }
  if (answered.length > 0) await deps.gaps.markAnswered(answered);
  const told = await tellWaiting(deps, ask);
  return { asked: pending.length, answered: answered.length, ...told };
}

/**
 * Tells every member still waiting on an answered question (also those a restart interrupted):
 * claimed first, so that a crash or another replica never tells anyone twice; a claim that then
 * fails to deliver is logged and given up.
 */
async function tellWaiting(
  deps: ReaskDeps,
  ask: (query: string) => Answer,
): Promise<Omit<ReaskReport, 'asked' | 'answered'>> {
  const report = { dm: 0, mention: 0, failed: 0, deferred: 0 };
  for (const subscription of await deps.gaps.unnotified()) {
    const { memberId } = subscription;
    if (memberId === null) continue;
    const answer = ask(subscription.query);
    if (!answer.answered) {
      report.deferred++;
      continue;
    }
    if (!(await deps.gaps.claimNotification(subscription.id))) continue;
    try {
      report[await deps.tell({ ...subscription, memberId }, answer)]++;
    } catch (error) {
      report.failed++;
      deps.logger.warn(
        { err: error, member: subscription.member, subscription: subscription.id },
        'could not tell a member their question is now answered',
      );
    }
  }
  return report;
}
