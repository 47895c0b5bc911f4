/**
 * Reports that differ: answering passages from different documents giving different figures for the same
 * thing ("about 12,000 people" against "no more than 2,500 people", a toll that rose over days). The reply
 * then says so and quotes each side, with its outlet and date, rather than one figure as if it were the
 * only one.
 */

import { isCalendarWord, isCountTerm } from './answerType.js';
import { TYPO_MATCH } from './matchPassage.js';
import type { RankedPassage } from './rankPassages.js';

/** `termIndex:value` for each count in the passage's best sentences that stands before a word asked about. */
export function figuresOf(candidate: RankedPassage): Set<string> {
  const { passage, match } = candidate;
  const first = passage.sentences[match.best.from];
  const last = passage.sentences[match.best.to];
  const from = first?.start ?? 0;
  const to = last?.end ?? passage.text.length;
  const askedAt = new Map<number, number>();
  for (const hit of match.hits) if (hit.strength >= TYPO_MATCH) askedAt.set(hit.start, hit.termIndex);
  const figures = new Set<string>();
  const { tokens } = match.analysis;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.start < from || token.end > to || !isCountTerm(token.term, token.raw)) continue;
    const next = tokens[k + 1]!;
    // "12,000 people", not "Oct. 26 — all enterprises" (a date, and a word dropped between).
    if (!/^\s+$/.test(passage.text.slice(token.end, next.start)) || isCalendarWord(tokens[k - 1]?.raw ?? ''))
      continue;
    const termIndex = askedAt.get(next.start);
    if (termIndex !== undefined) figures.add(`${termIndex}:${token.term}`);
  }
  return figures;
}

/** What a reply says above citations that disagree. */
export const REPORTS_DIFFER = 'Reports differ: each is quoted with its outlet and date.';

const thingOf = (figure: string) => figure.slice(0, figure.indexOf(':'));

/** Whether two sets of figures count one thing differently. */
function disagree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const things = new Map<string, Set<string>>();
  for (const f of a) {
    const thing = thingOf(f);
    things.set(thing, (things.get(thing) ?? new Set()).add(f));
  }
  for (const f of b) {
    const same = things.get(thingOf(f));
    if (same && !same.has(f)) return true;
  }
  return false;
}

/**
 * The citations with every side of a disagreement among them: when a passage from another document, about
 * the question's subjects and day (`eligible`), counts the first citation's thing differently, it is cited
 * second (if it was not among the citations already) — it answers the same question, with another figure.
 * `differs` tells whether the citations disagree.
 */
export function withEverySide(
  cited: RankedPassage[],
  eligible: readonly RankedPassage[],
  limit: number,
): { cited: RankedPassage[]; differs: boolean } {
  const [top, ...rest] = cited;
  if (!top) return { cited, differs: false };
  const topFigures = figuresOf(top);
  if (topFigures.size === 0) return { cited, differs: false };
  const other = (c: RankedPassage) => c.document.id !== top.document.id && disagree(topFigures, figuresOf(c));
  if (rest.some(other)) return { cited, differs: true };
  const side = eligible.find(other);
  if (!side) return { cited, differs: false };
  return { cited: [top, side, ...rest].slice(0, limit), differs: limit > 1 };
}
