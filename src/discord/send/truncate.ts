export interface TruncateOptions {
  ellipsis?: string;
  /** Treat the text as Discord markdown: keep `\x` escapes whole and `**` balanced. Default true. */
  markdown?: boolean;
}

/** A sentence cut is only taken in the last 40% of the room; a word cut in the last half. */
const SENTENCE_ZONE = 0.6;
const WORD_ZONE = 0.5;

const SENTENCE_END = /[.!?…](?:\*\*|["'”’»)\]])*(?=\s)/g;
const ENDS_SENTENCE = /[.!?…](?:\*\*|["'”’»)\]])*$/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Indexes where text may be cut: never inside a surrogate pair, an escape (`\*`) or a bold marker. */
function cutPoints(text: string, markdown: boolean): boolean[] {
  const ok = new Array<boolean>(text.length + 1).fill(false);
  let i = 0;
  while (i < text.length) {
    ok[i] = true;
    let size = 1;
    if (markdown && text[i] === '\\' && i + 1 < text.length) size = 1 + codePointSize(text, i + 1);
    else if (markdown && text.startsWith('**', i)) size = 2;
    else size = codePointSize(text, i);
    i += size;
  }
  ok[text.length] = true;
  return ok;
}

function codePointSize(text: string, at: number): number {
  return isHighSurrogate(text.charCodeAt(at)) && at + 1 < text.length ? 2 : 1;
}

function chooseCut(text: string, room: number, ok: boolean[]): number {
  let sentence = -1;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > room) break;
    if (end >= room * SENTENCE_ZONE && ok[end]) sentence = end;
  }
  if (sentence > 0) return sentence;
  for (let at = room; at >= room * WORD_ZONE && at > 0; at--) {
    if (ok[at] && /\s/.test(text[at] ?? '')) return at;
  }
  let at = room;
  while (at > 0 && !ok[at]) at--;
  return at;
}

/** Whether `**` is left open, and whether the text ends with the marker that opened it. */
function openBold(text: string): { open: boolean; endsWithOpener: boolean } {
  let open = false;
  let endsWithOpener = false;
  for (let i = 0; i < text.length; i++) {
    endsWithOpener = false;
    if (text[i] === '\\') i++;
    else if (text.startsWith('**', i)) {
      open = !open;
      endsWithOpener = open && i + 2 === text.length;
      i++;
    }
  }
  return { open, endsWithOpener };
}

/** Trailing space goes; so does a backslash left escaping nothing. */
function tidyEnd(text: string, markdown: boolean): string {
  let out = text.trimEnd();
  if (markdown && trailingBackslashes(out) % 2 === 1) out = out.slice(0, -1).trimEnd();
  return out;
}

/** Counted by hand: `/\\+$/` rescans a long run of backslashes from each of them. */
function trailingBackslashes(text: string): number {
  let i = text.length;
  while (i > 0 && text[i - 1] === '\\') i--;
  return text.length - i;
}

function headWithin(text: string, room: number, markdown: boolean): string {
  const head = tidyEnd(text.slice(0, chooseCut(text, room, cutPoints(text, markdown))), markdown);
  if (!markdown) return head;
  const bold = openBold(head);
  if (!bold.open) return head;
  return bold.endsWithOpener ? tidyEnd(head.slice(0, -2), markdown) : `${head}**`;
}

/**
 * `text` if it fits in `max`, else its start, cut at a sentence end, a space or anywhere, plus the ellipsis;
 * never longer than `max`.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const markdown = options.markdown ?? true;
  const requested = options.ellipsis ?? '…';
  const ellipsis = requested.length <= max ? requested : '';
  const room = max - ellipsis.length;
  let head = headWithin(text, room, markdown);
  // Closing an open `**` took two more characters than there was room for.
  if (head.length > room) head = headWithin(text, Math.max(0, room - 2), markdown);
  const gap = ellipsis && ENDS_SENTENCE.test(head) && head.length + 1 + ellipsis.length <= max ? ' ' : '';
  return head + gap + ellipsis;
}

/** One line of plain text for a button label, choice name or thread name: never empty, never over `max`. */
export function truncateLabel(text: string, max: number, fallback = '…'): string {
  const line = text.replace(/\s+/g, ' ').trim() || fallback.replace(/\s+/g, ' ').trim() || '…';
  return truncate(line, max, { markdown: false });
}
