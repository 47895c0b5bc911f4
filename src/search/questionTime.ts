/**
 * When a question is about: days it names ("on October 11"), and whether it asks for the present or the
 * latest ("still", "now", "so far", "any news on"), which the newest reports answer first. The words are
 * English's ordinary ways of asking about the present, not a list made from anyone's questions.
 */

import { type MonthDay, namedDays } from '../knowledge/dates.js';

export interface QuestionTime {
  days: Set<MonthDay>;
  latest: boolean;
}

const PRESENT =
  /\b(?:latest|newest|most recent|recent(?:ly)?|now|nowadays|currently|current|still|so far|to date|yet|anymore|any more|these days|at the moment|at present|today|tonight|any news|news on|update|updates|developments)\b/i;

export function questionTime(question: string): QuestionTime {
  return { days: namedDays(question), latest: PRESENT.test(question) };
}
