/**
 * `text` without the characters at its end for which `drop` holds: what `text.replace(/[…]+$/, '')` does,
 * but in linear time (that pattern rescans a long inner run of such characters from each of them).
 */
export function trimEndWhile(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}
