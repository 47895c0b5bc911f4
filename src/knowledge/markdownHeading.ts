/**
 * The text of a Markdown ATX heading line ("## Title ##" → "Title"); any other line is returned as it
 * is. Scanned by hand: the line may be a whole paragraph of untrusted text.
 */
export function withoutHeadingMarks(line: string): string {
  const text = line.trim();
  let marks = 0;
  while (text[marks] === '#') marks++;
  if (marks === 0 || marks > 6) return line;
  const after = text[marks];
  if (after !== undefined && after !== ' ' && after !== '\t') return line;
  const rest = text.slice(marks).trim();
  // A closing run of # counts only when a space separates it from the text ("C#" keeps its #).
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  if (end === 0) return '';
  if (end < rest.length && (rest[end - 1] === ' ' || rest[end - 1] === '\t'))
    return rest.slice(0, end).trim();
  return rest;
}
