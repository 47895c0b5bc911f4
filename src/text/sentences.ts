import type { Span } from '../types.js';

/**
 * Abbreviations that end in a period, by how they treat a following capitalised word.
 * `title`: a name or number always follows, so the period never ends a sentence ("Gen. Smith", "No. 5").
 * `final`: the period ends a sentence only before a common sentence starter ("…in the U.S. The next day…").
 * Unlisted dotted acronyms (D.C., a.m.) and single-capital initials (A. Lukashenko) count as `final`.
 */
export const ABBREVIATIONS = {
  title: [
    'Mr.',
    'Mrs.',
    'Ms.',
    'Dr.',
    'Gen.',
    'Lt.',
    'Col.',
    'Sgt.',
    'Capt.',
    'Maj.',
    'Adm.',
    'Cpl.',
    'Gov.',
    'Sen.',
    'Rep.',
    'Prof.',
    'Rev.',
    'Hon.',
    'Pres.',
    'St.',
    'Mt.',
    'Ft.',
    'No.',
    'Nos.',
    'vs.',
    'v.',
    'e.g.',
    'i.e.',
    'cf.',
    'approx.',
  ],
  final: [
    'U.S.',
    'U.K.',
    'U.N.',
    'E.U.',
    'Jan.',
    'Feb.',
    'Mar.',
    'Apr.',
    'Jun.',
    'Jul.',
    'Aug.',
    'Sep.',
    'Sept.',
    'Oct.',
    'Nov.',
    'Dec.',
    'etc.',
    'al.',
    'Inc.',
    'Ltd.',
    'Co.',
    'Corp.',
    'Jr.',
    'Sr.',
    'Ph.D.',
  ],
} as const;

/** Words that, capitalised after a `final` abbreviation, mean a new sentence has begun. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'The A An He She It They We I You His Her Its Their Our My This That These Those There Here ' +
    'But And Or So Yet Still However Meanwhile Moreover Instead Also Then Now Today Yesterday Earlier Later ' +
    'Last Next After Before When While Although Though Since Because If As At In On For From By With ' +
    'Without During Despite Under Over According Some Many Most Several Both All Each Such No Not One ' +
    'What Why How Who Where Which'
  ).split(' '),
);

/** Sentences longer than this are cut at a clause or word boundary. */
export const MAX_SENTENCE_WORDS = 100;

type AbbreviationKind = keyof typeof ABBREVIATIONS;

const ABBREVIATION_KIND = new Map<string, AbbreviationKind>();
for (const kind of Object.keys(ABBREVIATIONS) as AbbreviationKind[]) {
  for (const abbreviation of ABBREVIATIONS[kind]) ABBREVIATION_KIND.set(abbreviation.slice(0, -1), kind);
}

const NL = 10;
const DOT = 46;
const CLOSERS = new Set([34, 39, 41, 93, 125, 0x2019, 0x201d, 0xbb, 0x203a]); // " ' ) ] } ’ ” » ›
const OPENERS = new Set([34, 39, 40, 91, 123, 0x2018, 0x201c, 0xab, 0x2039, 0x201e, 0x201a, 0xa1, 0xbf]);
// After a space, these continue the sentence rather than start one: ", ; : . … ? ! %".
const CONTINUATIONS = new Set([44, 59, 58, DOT, 0x2026, 63, 33, 37]);
const BULLETS = new Set([
  45, 42, 0x2022, 0x25e6, 0x25aa, 0x2023, 0x2043, 0x25cf, 0x25cb, 0x25a0, 0x25ba, 0xb7,
]);
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'while', 'which', 'who', 'where', 'so', 'yet']);
const DASHES = new Set(['-', '--', '–', '—']);

/** The same characters as the regex `\s`, so trimming and word counts agree everywhere. */
export function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `.` `!` `?` `…`; compared directly because this runs on every character. */
function isTerminal(c: number): boolean {
  return c === DOT || c === 33 || c === 63 || c === 0x2026;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Sentences of `text` within [from, to), trimmed, in order, together covering every non-space character
 * of the range exactly once. A blank line always ends a sentence, a bullet line is its own sentence, and a
 * single newline ends one only after terminal punctuation.
 */
export function splitSentences(text: string, from = 0, to: number = text.length): Span[] {
  const out: Span[] = [];
  let start = -1; // first character of the open sentence, -1 when none is open
  let lineStart = isAtLineStart(text, from);
  let bulletLine = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      if (start >= 0 && (bulletLine || blankLineFollows(text, i + 1, to))) {
        pushSentence(text, start, trimEnd(text, start, i), out);
        start = -1;
      }
      bulletLine = false;
      lineStart = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const marker = bulletEnd(text, i, to);
      if (marker >= 0) {
        if (start >= 0) pushSentence(text, start, trimEnd(text, start, i), out);
        start = i;
        bulletLine = true;
        i = marker; // so the "1." of a numbered item is not taken for a full stop
        continue;
      }
    }
    if (start < 0) start = i;
    if (isTerminal(c)) {
      const k = terminalEnd(text, i, to);
      if ((k >= to || isSpace(text.charCodeAt(k))) && endsSentence(text, from, to, start, i, k)) {
        pushSentence(text, start, k, out);
        start = -1;
      }
      i = k;
      continue;
    }
    i++;
  }
  if (start >= 0) pushSentence(text, start, trimEnd(text, start, to), out);
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isAtLineStart(text: string, from: number): boolean {
  for (let j = from - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === NL) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

function blankLineFollows(text: string, j: number, to: number): boolean {
  for (; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === NL) return true;
    if (!isSpace(c)) return false;
  }
  return false;
}

/** Index just past a bullet marker ("•", "-", "*", "1.", "1)") that starts at `i`, or -1. */
function bulletEnd(text: string, i: number, to: number): number {
  let j = i;
  if (BULLETS.has(text.charCodeAt(i))) j++;
  else {
    while (j < to && j - i < 3 && isDigit(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (j === i || j >= to || (c !== DOT && c !== 41)) return -1;
    j++;
  }
  if (j >= to) return -1;
  const c = text.charCodeAt(j);
  return c === 32 || c === 9 || c === 0xa0 ? j : -1;
}

/** Index just past a run of terminal punctuation and the closing quotes or brackets after it. */
function terminalEnd(text: string, i: number, to: number): number {
  let k = i;
  while (k < to && isTerminal(text.charCodeAt(k))) k++;
  while (k < to && CLOSERS.has(text.charCodeAt(k))) k++;
  return k;
}

type NextKind = 'end' | 'lower' | 'upper' | 'digit' | 'continuation' | 'other';

interface Next {
  kind: NextKind;
  /** A newline lies between the punctuation and the next word. */
  newline: boolean;
  /** The next word opens with a quote or bracket. */
  quoted: boolean;
  /** The next word is a capitalised common sentence starter, not itself an initial. */
  starter: boolean;
}

const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

function lookAhead(text: string, k: number, to: number): Next {
  let j = k;
  let newline = false;
  for (; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === NL) {
      if (newline) break; // blank line
      newline = true;
    } else if (!isSpace(c)) break;
  }
  if (j >= to || text.charCodeAt(j) === NL) return { kind: 'end', newline, quoted: false, starter: false };
  let quoted = false;
  while (j < to && OPENERS.has(text.charCodeAt(j))) {
    quoted = true;
    j++;
  }
  if (j >= to) return { kind: 'other', newline, quoted, starter: false };
  const ch = String.fromCodePoint(text.codePointAt(j)!);
  let kind: NextKind;
  if (CONTINUATIONS.has(ch.charCodeAt(0)) && !quoted) kind = 'continuation';
  else if (LOWER.test(ch)) kind = 'lower';
  else if (LETTER.test(ch)) kind = 'upper';
  else if (NUMBER.test(ch)) kind = 'digit';
  else kind = 'other';
  let starter = false;
  if (kind === 'upper') {
    let e = j;
    while (e < to && e - j < 12 && isAsciiLetter(text.charCodeAt(e))) e++;
    starter = e > j && (e >= to || text.charCodeAt(e) !== DOT) && SENTENCE_STARTERS.has(text.slice(j, e));
  }
  return { kind, newline, quoted, starter };
}

/** Whether terminal punctuation at [runStart, k), followed by a space or the range end, ends the sentence. */
function endsSentence(
  text: string,
  from: number,
  to: number,
  start: number,
  runStart: number,
  k: number,
): boolean {
  const next = lookAhead(text, k, to);
  if (next.kind === 'end') return true;
  let dots = 0;
  let exclaims = false;
  let ellipsis = false;
  for (let j = runStart; j < k && isTerminal(text.charCodeAt(j)); j++) {
    const c = text.charCodeAt(j);
    if (c === DOT) dots++;
    else if (c === 0x2026) ellipsis = true;
    else exclaims = true;
  }
  if (exclaims) return next.newline || (next.kind !== 'lower' && next.kind !== 'continuation');
  // An ellipsis before a lower-case word marks an omission, not an ending; one opening a sentence ends nothing.
  if (ellipsis || dots > 1) return runStart > start && (next.newline || next.kind === 'upper');
  const kind = abbreviationKind(tokenBefore(text, from, runStart));
  if (kind === 'title') return false;
  if (kind === 'final') return next.kind === 'upper' && (next.starter || next.quoted);
  if (next.newline) return true;
  return next.kind !== 'lower' && next.kind !== 'continuation';
}

/** The word before a full stop at `dot`, without surrounding quotes or brackets. */
function tokenBefore(text: string, from: number, dot: number): string {
  let s = dot;
  while (s > from && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = dot;
  while (s < e && OPENERS.has(text.charCodeAt(s))) s++;
  while (e > s && CLOSERS.has(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;

function abbreviationKind(token: string): AbbreviationKind | null {
  const listed =
    ABBREVIATION_KIND.get(token) ?? ABBREVIATION_KIND.get(token.charAt(0).toLowerCase() + token.slice(1));
  if (listed) return listed;
  return DOTTED_ACRONYM.test(token) || INITIAL.test(token) ? 'final' : null;
}

function pushSentence(text: string, start: number, end: number, out: Span[]): void {
  // n words take at least 2n - 1 characters, so shorter spans cannot be over the limit.
  if (
    end - start <= 2 * MAX_SENTENCE_WORDS ||
    wordsUpTo(text, start, end, MAX_SENTENCE_WORDS + 1) <= MAX_SENTENCE_WORDS
  ) {
    out.push({ start, end });
    return;
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) starts.push(i);
    if (space && inWord) ends.push(i);
    inWord = !space;
  }
  ends.push(end);
  cutLongSentence(text, starts, ends, out);
}

/** Words in text[start, end), counting no further than `limit`. */
function wordsUpTo(text: string, start: number, end: number, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end && count < limit; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Cuts a run-on sentence into even pieces of at most MAX_SENTENCE_WORDS, preferring clause boundaries. */
function cutLongSentence(text: string, starts: number[], ends: number[], out: Span[]): void {
  const n = starts.length;
  let first = 0;
  while (n - first > MAX_SENTENCE_WORDS) {
    const remaining = n - first;
    const target = Math.ceil(remaining / Math.ceil(remaining / MAX_SENTENCE_WORDS));
    const low = Math.ceil(target * 0.6);
    const high = Math.min(MAX_SENTENCE_WORDS, remaining - low);
    let best = target;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let size = low; size <= high; size++) {
      const last = first + size - 1;
      const score = clauseStrength(text, starts, ends, last) * 1000 - Math.abs(size - target);
      if (score > bestScore) {
        bestScore = score;
        best = size;
      }
    }
    out.push({ start: starts[first]!, end: ends[first + best - 1]! });
    first += best;
  }
  out.push({ start: starts[first]!, end: ends[n - 1]! });
}

/** How good a cut after word `w` is: 4 after ";", 3 after ":", 2 after a dash or before ", and", 1 after ",". */
function clauseStrength(text: string, starts: number[], ends: number[], w: number): number {
  const wordEnd = ends[w]!;
  const last = text.charCodeAt(wordEnd - 1);
  if (last === 59) return 4;
  if (last === 58) return 3;
  if (DASHES.has(text.slice(starts[w]!, wordEnd))) return 2;
  if (last !== 44) return 0;
  const next = text.slice(starts[w + 1]!, ends[w + 1]!);
  return CLAUSE_WORDS.has(next) ? 2 : 1;
}
