/** How many `**` bold markers a Discord markdown string has, skipping backslash-escaped characters. */
export function countMarkers(markdown: string): number {
  let count = 0;
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if (markdown.startsWith('**', i)) {
      count++;
      i++;
    }
  }
  return count;
}
