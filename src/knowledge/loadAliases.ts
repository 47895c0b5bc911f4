import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALIAS_FILE, parseAliasGroups } from '../text/aliases.js';
import type { SkippedDocument } from '../types.js';

/** The knowledge folder's optional aliases.txt; a bad line is reported and the rest still apply. */
export async function loadAliasGroups(
  dir: string,
): Promise<{ groups: string[][]; problems: SkippedDocument[] }> {
  let source: string;
  try {
    source = await readFile(join(dir, ALIAS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { groups: [], problems: [] };
    return {
      groups: [],
      problems: [{ file: ALIAS_FILE, reason: `cannot be read: ${(error as Error).message}` }],
    };
  }
  const { groups, errors } = parseAliasGroups(source);
  return {
    groups,
    problems: errors.map((e) => ({ file: ALIAS_FILE, reason: `line ${e.line} ${e.reason}` })),
  };
}
