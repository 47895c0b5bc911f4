import type { GapStore } from '../state/gapStore.js';
import type { Answer } from '../types.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';
import { type TellDeps, type TellReport, tellWaiting } from './tellWaiting.js';

export interface ReaskDeps extends TellDeps {
  gaps: TellDeps['gaps'] & Pick<GapStore, 'pending' | 'markAnswered'>;
  /** The question asked as /ask asks it: `answered` is the bot's answerability decision. */
  ask(query: string): Answer;
}

export interface ReaskReport extends TellReport {
  /** Pending questions asked again. */
  asked: number;
  /** Of those, the ones the knowledge now answers (they leave the queue). */
  answered: number;
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
