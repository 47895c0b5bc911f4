/**
 * Which names of a question an answer must hold: what the question is about. Names written next to each other
 * ("Minsk Tractor Works", "Maria Kolesnikova") are one name. A name that ends in a common noun (a works, a
 * metro, a ministry) is told from its siblings by every word of it, so each must be there; a person's or a
 * place's name by its last word (a surname is enough: "Kolesnikova" answers "Maria Kolesnikova"). Calendar
 * words say when, not what, and are never subjects.
 */

import type { AnalyzedToken } from '../text/analyze.js';
import { isCalendarWord } from './answerType.js';

export interface NameToken {
  token: AnalyzedToken;
  /** Capitalised past the first word, an acronym, or a proper noun by the dictionary. */
  name: boolean;
  /** A common word of the dictionary (not a proper noun): the head of an organisation's or a facility's name. */
  commonNoun: boolean;
}

/** Only spaces or a hyphen between two words keep them in one name. */
const JOINED = /^[\s\-‐‑]+$/u;

/** The terms of the names an answer must hold. */
export function requiredNames(question: string, tokens: readonly NameToken[]): Set<string> {
  const required = new Set<string>();
  let group: NameToken[] = [];
  const close = () => {
    const last = group.at(-1);
    if (last) for (const t of last.commonNoun ? group : [last]) required.add(t.token.term);
    group = [];
  };
  for (const t of tokens) {
    const previous = group.at(-1);
    if (previous && !JOINED.test(question.slice(previous.token.end, t.token.start))) close();
    if (t.name && !isCalendarWord(t.token.raw)) group.push(t);
    else close();
  }
  close();
  return required;
}
