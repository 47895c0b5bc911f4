/**
 * Text made safe to print on a terminal: C0 and C1 control characters (but tab and newline) and DEL,
 * which start escape sequences (`\e]0;…\a` retitles the window, `\e[2J` clears it), and the bidi
 * controls that reorder what a line shows (U+202A–202E overrides and embeddings, U+2066–2069 isolates,
 * U+200E/200F and U+061C marks). Each run of them becomes one space, so words stay apart.
 * `oneLine` folds tabs and newlines too, for a field (a title, a file name) that must not open a line
 * of its own. Only for text shown to a person: JSON output keeps the text as it is, as data.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** \p{Cc} is C0, DEL and C1. */
const UNSAFE = new RegExp(`(?:[^\\P{Cc}\\t\\n]|[${BIDI}])+`, 'gu');
const UNSAFE_OR_BREAK = new RegExp(`[\\p{Cc}\\u2028\\u2029${BIDI}]+`, 'gu');

export function forTerminal(text: string, { oneLine = false } = {}): string {
  return text.replace(oneLine ? UNSAFE_OR_BREAK : UNSAFE, ' ');
}
