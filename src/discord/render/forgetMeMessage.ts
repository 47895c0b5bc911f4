import type { MessagePayload } from '../send/payload.js';
import { plural } from './plural.js';

/** What /forget-me removed, privately. */
export function forgetMeMessage(removed: {
  questions: number;
  subscriptions: number;
  feedback: number;
}): MessagePayload {
  const total = removed.questions + removed.subscriptions + removed.feedback;
  const content =
    total === 0
      ? 'I keep nothing of yours: no questions, no "tell me" requests, no votes or flags.'
      : `Done. I removed ${plural(removed.questions, 'unanswered question', 'unanswered questions')}, ${plural(removed.subscriptions, '"tell me" request', '"tell me" requests')} and ${plural(removed.feedback, 'vote, flag or not-found record', 'votes, flags and not-found records')} of yours.`;
  return { content, ephemeral: true };
}
