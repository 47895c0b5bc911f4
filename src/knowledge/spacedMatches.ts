/**
 * Replaces the matches of `core` together with the spaces and tabs around them, in linear time.
 *
 * A pattern such as `/([ \t]*)<tag>([ \t]*)/g` does the same but backtracks: it is tried at every space of
 * a run and rescans the rest of the run each time, which is quadratic in the run's length. Here the
 * pattern only finds the core and the runs around it are measured by hand. The result is the regex's:
 * leftmost matches, the run before a match never reaching back into the previous match.
 */

export type SpacedReplacer = (match: RegExpExecArray, before: string, after: string) => string;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export function replaceSpaced(text: string, core: RegExp, replace: SpacedReplacer): string {
  if (!core.global) throw new Error('replaceSpaced needs a global pattern');
  let out = '';
  let last = 0;
  core.lastIndex = 0;
  for (let m = core.exec(text); m !== null; m = core.exec(text)) {
    let start = m.index;
    while (start > last && isBlank(text.charCodeAt(start - 1))) start--;
    const coreEnd = m.index + m[0].length;
    let end = coreEnd;
    while (end < text.length && isBlank(text.charCodeAt(end))) end++;
    out += text.slice(last, start) + replace(m, text.slice(start, m.index), text.slice(coreEnd, end));
    last = end;
    core.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
