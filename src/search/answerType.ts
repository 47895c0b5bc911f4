/**
 * What kind of answer a question wants, from its wording, and whether a stretch of passage text holds
 * something of that kind: a count or share, a date, a person or organisation, a place.
 */

import { type Token, tokenize } from '../text/tokenize.js';

/** A count or share, a date, or a name (a person, an organisation or a place). */
export type AnswerType = 'number' | 'date' | 'name';

const WANTS_COUNT =
  /\bhow\s+(?:many|much)\b|\bwhat\s+(?:share|percentage|percent|proportion|number|amount)\b/i;

const ASKS: ReadonlyArray<[RegExp, AnswerType]> = [
  [WANTS_COUNT, 'number'],
  [/\bhow\s+(?:long|old|far|large|big|tall|high|often)\b/i, 'number'],
  [/\bwhen\b|\b(?:what|which|in\s+what)\s+(?:year|date|day|month|decade|century|time)\b/i, 'date'],
  [
    /\bwhere\b|\b(?:what|which)\s+(?:country|countries|city|cities|town|place|region|capital|state)\b/i,
    'name',
  ],
  [
    /\bwho(?:m|se)?\b|\b(?:what|which)\s+(?:person|people|man|woman|official|leader|president|minister|group|organi[sz]ation|company|party|body)\b/i,
    'name',
  ],
];

/** The kind of answer the question asks for, or null for any other ("what did … say", "why"). */
export function askedType(question: string): AnswerType | null {
  for (const [pattern, type] of ASKS) if (pattern.test(question)) return type;
  return null;
}

const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
  million billion dozen`.split(/\s+/),
);
const MONTHS = new Set(
  `january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday yesterday
  today tomorrow`.split(/\s+/),
);
const YEAR = /^(?:1[0-9]|20)\d\d(?:s)?$/;

/** Month and day names ("September", "Sept", "Sunday"): they say when, not what a question is about. */
export function isCalendarWord(word: string): boolean {
  return MONTHS.has(word.toLowerCase().replace(/\.$/, ''));
}
/** The longest number, month or day word: a longer word is none of them, whatever its case. */
const LONGEST_WORD = Math.max(...[...NUMBER_WORDS, ...MONTHS].map((w) => w.length));
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/**
 * Whether the gap text[from, to) between two words ends a sentence: . ! or ? then closing quotes or
 * brackets, then spaces.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i]!)) i--;
  while (i >= from && CLOSERS.has(text[i]!)) i--;
  return i >= from && (text[i] === '.' || text[i] === '!' || text[i] === '?');
}
const CAPITALISED = /^\p{Lu}/u;

/** A term that states a quantity: a number that is not an ordinal or a year, or a number word. */
export function isCountTerm(term: string, raw: string): boolean {
  if (/^\d/.test(raw)) return !/(?:st|nd|rd|th)$/i.test(raw) && !/^(?:1[89]|20)\d\d$/.test(raw);
  return NUMBER_WORDS.has(term);
}

/** A word of a passage that could answer some kind of question, with the kinds it could answer. */
export interface AnswerWord {
  start: number;
  end: number;
  lower: string;
  kinds: ReadonlySet<AnswerType>;
}

const NUMBER_ONLY: ReadonlySet<AnswerType> = new Set(['number']);
const DATE_ONLY: ReadonlySet<AnswerType> = new Set(['date']);
const NAME_ONLY: ReadonlySet<AnswerType> = new Set(['name']);
const NUMBER_OR_DATE: ReadonlySet<AnswerType> = new Set(['number', 'date']);

/** What the token could answer; `previousEnd` is where the word before it ends (-1: it is the first). */
function kindsOf(text: string, token: Token, previousEnd: number): ReadonlySet<AnswerType> | null {
  const { raw } = token;
  if (/^\d/.test(raw)) return YEAR.test(raw) ? NUMBER_OR_DATE : NUMBER_ONLY;
  if (raw.length <= LONGEST_WORD) {
    const lower = raw.toLowerCase();
    if (NUMBER_WORDS.has(lower)) return NUMBER_ONLY;
    if (MONTHS.has(lower)) return DATE_ONLY;
  }
  // A capitalised word inside a sentence (a sentence's first word proves nothing).
  if (CAPITALISED.test(raw) && previousEnd >= 0 && !endsSentence(text, previousEnd, token.start))
    return NAME_ONLY;
  return null;
}

/**
 * The words of `text` that could be an answer: numbers, dates, names. One pass over its tokens (a
 * caller that has them already passes them); cached with the passage.
 */
export function answerWords(text: string, tokens: readonly Token[] = tokenize(text)): AnswerWord[] {
  const out: AnswerWord[] = [];
  let previousEnd = -1;
  for (const token of tokens) {
    const kinds = kindsOf(text, token, previousEnd);
    previousEnd = token.end;
    if (kinds) out.push({ start: token.start, end: token.end, lower: token.raw.toLowerCase(), kinds });
  }
  return out;
}

/**
 * Whether the span [from, to) holds a candidate answer of `type` that is not one of the question's own
 * words (`isQuestionWord` gets the lower-cased word).
 */
export function holdsAnswerType(
  words: readonly AnswerWord[],
  from: number,
  to: number,
  type: AnswerType,
  isQuestionWord: (lower: string) => boolean,
): boolean {
  for (const w of words)
    if (w.start >= from && w.end <= to && w.kinds.has(type) && !isQuestionWord(w.lower)) return true;
  return false;
}
