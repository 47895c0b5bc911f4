/**
 * A question as members type it, reduced to what it asks: Discord mentions, custom emoji, URLs and
 * conversational filler ("hi all", "can someone tell me", "I heard …, is that true?", "pls", "asap",
 * "thanks!") are blanked out, so they neither match a passage nor count against one. The patterns are
 * general English chat conventions, matched word by word (linear in the question's length).
 */

/** Discord's own markup: user, role and channel mentions, slash-command mentions, custom emoji, @everyone. */
const DISCORD_MARKUP =
  /<@[!&]?\d{1,25}>|<#\d{1,25}>|<\/[^<>:\n]{1,100}:\d{1,25}>|<a?:\w{1,40}:\d{1,25}>|@(?:everyone|here)\b|:[a-z0-9_+-]{1,40}:/gi;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

type Slot = { words: ReadonlySet<string>; optional?: boolean; repeat?: boolean };

const set = (words: string) => new Set(words.split(' '));
const must = (words: string): Slot => ({ words: set(words) });
const may = (words: string): Slot => ({ words: set(words), optional: true });
const any = (words: string): Slot => ({ words: set(words), optional: true, repeat: true });

const PEOPLE = 'someone somebody anyone anybody you u ya yall guys folks everyone';
const ASK_VERBS = 'tell explain confirm clarify help';

/** Phrases that carry no topic: each a sequence of word choices. */
const FILLER: readonly Slot[][] = [
  // Greetings and thanks.
  [
    must('hi hello hey hiya heya yo howdy greetings'),
    any('all everyone guys folks there team people yall bot'),
  ],
  [must('thanks thank thx ty tia cheers'), any('you u so very much a lot in advance again all guys folks')],
  // Politeness, urgency, chat abbreviations.
  [
    must(
      'please pls plz plss kindly asap urgent urgently lol lmao lmk btw fyi imo tbh idk ok okay guys folks',
    ),
  ],
  [must('please pls plz'), must('answer reply respond'), any('asap quickly please pls plz me fast')],
  [must('answer reply respond'), must('asap quickly please pls plz'), any('asap quickly please pls plz')],
  // Asking for someone's help to know.
  [
    must('can could would will'),
    must(PEOPLE),
    any('please pls plz kindly quickly'),
    must(ASK_VERBS),
    any('me us if whether'),
  ],
  [
    must('can could would will'),
    must(PEOPLE),
    any('please pls plz'),
    must('let'),
    must('me us'),
    must('know'),
  ],
  [may('does do did'), must(PEOPLE), must('know knows remember'), any('if whether')],
  [
    must('i we'),
    must('want wanna need would'),
    may('like'),
    may('to'),
    must('know understand'),
    any('if whether'),
  ],
  [must('im i'), may('am'), must('wondering curious'), any('about if whether')],
  [must('i we'), must('heard read saw'), any('somewhere that')],
  [must('i we'), must('was were'), must('told'), may('that')],
  [must('is was are'), must('that this it'), must('true right correct accurate real so confirmed')],
  [must('is was'), must('it'), must('true'), may('that')],
  [must('any'), must('idea ideas info clue news'), may('on about')],
  [must('quick'), must('question q')],
  [must('question'), may('for'), must(PEOPLE)],
];

interface Word {
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}'’]+/gu;

/** How many words from `at` the slots take (greedily, giving back what the rest needs), or -1. */
function matchSlots(words: Word[], at: number, slots: readonly Slot[], slot = 0): number {
  if (slot === slots.length) return 0;
  const s = slots[slot]!;
  const word = words[at];
  if (word && s.words.has(word.lower)) {
    const rest = matchSlots(words, at + 1, slots, s.repeat ? slot : slot + 1);
    if (rest >= 0) return 1 + rest;
  }
  return s.optional ? matchSlots(words, at, slots, slot + 1) : -1;
}

function blank(text: string, spans: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += `${text.slice(at, start)}${' '.repeat(end - start)}`;
    at = end;
  }
  return out + text.slice(at);
}

const spaces = (match: string) => ' '.repeat(match.length);

/** The question with Discord markup, URLs and filler blanked to spaces (offsets are kept). */
export function memberQuestion(text: string): string {
  const plain = text.replace(DISCORD_MARKUP, spaces).replace(URL, spaces);
  const words: Word[] = [...plain.matchAll(WORD)].map((m) => ({
    lower: m[0].toLowerCase().replace(/['’]/g, ''),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (const pattern of FILLER) taken = Math.max(taken, matchSlots(words, i, pattern));
    if (taken > 0) {
      spans.push({ start: words[i]!.start, end: words[i + taken - 1]!.end });
      i += taken;
    } else i++;
  }
  return blank(plain, spans);
}
