import { countTokens } from '../text/segment.js';
import type { Span } from '../types.js';
import { type AnswerType, holdsAnswerType } from './answerType.js';
import { type PassageMatch, TYPO_MATCH } from './matchPassage.js';

/** What the question wants of a quote: an answer of some kind (none for "what did … say", "why"). */
export interface WantedAnswer {
  type: AnswerType | null;
  isQuestionWord: (lower: string) => boolean;
}

/** A sentence that opens with one of these leans on the one before it for its subject. */
const LEANS_BACK =
  /^\s*["'“‘(]?(?:he|she|it|they|his|her|its|their|this|these|those|such|there|in that|at that|by then)\b/i;
/** At most this many sentences are quoted (the best window is at most two). */
const MAX_QUOTE_SENTENCES = 3;
/** A quote shorter than this many words is widened by a sentence. */
const MIN_QUOTE_WORDS = 30;

/** A passage this short is quoted whole: trimming it would lose more context than it saves. */
export const WHOLE_PASSAGE_WORDS = 45;
export const ELLIPSIS = '…';

export interface Quote {
  quote: string;
  highlights: Span[];
  textHighlights: Span[];
}

/**
 * The sentences to quote: the best window, widened by one sentence when that holds the kind of answer the
 * question asks for and the window does not, or when the window opens with a pronoun ("He proposed …")
 * whose subject the sentence before it names.
 */
function quoteWindow(
  text: string,
  sentences: Span[],
  match: Pick<PassageMatch, 'best' | 'analysis' | 'sentenceCoverage'>,
  wanted?: WantedAnswer,
): { from: number; to: number } {
  let { from, to } = match.best;
  const holds = (i: number, j: number) => {
    const first = sentences[i];
    const last = sentences[j];
    return !!(
      first &&
      last &&
      wanted?.type &&
      holdsAnswerType(match.analysis.answerWords, first.start, last.end, wanted.type, wanted.isQuestionWord)
    );
  };
  if (wanted?.type && !holds(from, to)) {
    if (to + 1 < sentences.length && holds(to + 1, to + 1)) to++;
    else if (from > 0 && holds(from - 1, from - 1)) from--;
  }
  const opening = sentences[from];
  if (
    from > 0 &&
    to - from + 1 < MAX_QUOTE_SENTENCES &&
    opening &&
    LEANS_BACK.test(text.slice(opening.start, opening.end))
  )
    from--;
  // A quote of a few words reads as a fragment: it takes the neighbouring sentence that holds more of the
  // question (the next one on a tie) until it says enough.
  const words = (i: number, j: number) => countTokens(text, sentences[i]!.start, sentences[j]!.end);
  while (to - from + 1 < MAX_QUOTE_SENTENCES && words(from, to) < MIN_QUOTE_WORDS) {
    const next = to + 1 < sentences.length ? (match.sentenceCoverage[to + 1] ?? 0) : -1;
    const previous = from > 0 ? (match.sentenceCoverage[from - 1] ?? 0) : -1;
    if (next < 0 && previous < 0) break;
    if (next >= previous) to++;
    else from--;
  }
  return { from, to };
}

/** The answering sentence(s) of a passage, verbatim, with "…" where the passage goes on. */
export function buildQuote(
  text: string,
  sentences: Span[],
  match: PassageMatch,
  wanted?: WantedAnswer,
): Quote {
  const window = quoteWindow(text, sentences, match, wanted);
  const first = sentences[window.from];
  const last = sentences[window.to];
  const whole = !first || !last || match.best.coverage === 0 || countTokens(text) <= WHOLE_PASSAGE_WORDS;
  const start = whole ? 0 : first.start;
  const end = whole ? text.length : last.end;
  const lead = start > 0 ? `${ELLIPSIS} ` : '';
  const tail = end < text.trimEnd().length ? ` ${ELLIPSIS}` : '';
  const body = text.slice(start, end);
  // Only the question's own words (and their spellings) are marked: a related word may be a loose match.
  const marked = match.hits.filter((h) => h.strength >= TYPO_MATCH);
  const highlights = marked
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start + lead.length, end: h.end - start + lead.length }));
  const textHighlights = marked.map(({ start, end }) => ({ start, end }));
  return { quote: lead + body + tail, highlights, textHighlights };
}
