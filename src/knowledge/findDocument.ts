/**
 * Which knowledge file a moderator means: the file name `/knowledge list` shows, the document id, or
 * its title, in any case. An exact name or id is unique in the folder; a title may not be.
 */

/** A file `/knowledge list` shows; skipped files have no id or title. */
export interface ListedFile {
  file: string;
  id?: string;
  title?: string;
}

export type DocumentMatch =
  | { kind: 'found'; file: string }
  | { kind: 'ambiguous'; files: string[] }
  | { kind: 'none' };

/** Case and runs of white space do not matter. */
function fold(text: string): string {
  return text.normalize('NFC').split(/\s+/).filter(Boolean).join(' ').toLowerCase();
}

export function findDocument(typed: string, files: readonly ListedFile[]): DocumentMatch {
  const text = typed.trim();
  if (text === '') return { kind: 'none' };
  const exact = files.find((f) => f.file === text || f.id === text);
  if (exact) return { kind: 'found', file: exact.file };
  const needle = fold(text);
  const same = (value: string | undefined) => value !== undefined && fold(value) === needle;
  const matches = files.filter((f) => same(f.file) || same(f.id) || same(f.title)).map((f) => f.file);
  const unique = [...new Set(matches)].sort();
  if (unique.length === 0) return { kind: 'none' };
  if (unique.length === 1) return { kind: 'found', file: unique[0] as string };
  return { kind: 'ambiguous', files: unique };
}
