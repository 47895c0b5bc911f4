import { ALIAS_FILE, parseAliasGroups } from '../text/aliases.js';
import type { SkippedDocument } from '../types.js';
import { isReadFailure, readKnowledgeFile } from './readKnowledgeFile.js';

/** Far more than any list of name groups needs. */
export const MAX_ALIAS_FILE_BYTES = 1024 * 1024;

/**
 * The knowledge folder's optional aliases.txt, read as safely as a document (no link out of the folder,
 * no pipe, a bounded read); a bad line is reported and the rest still apply.
 */
export async function loadAliasGroups(
  dir: string,
): Promise<{ groups: string[][]; problems: SkippedDocument[] }> {
  const read = await readKnowledgeFile(dir, ALIAS_FILE, MAX_ALIAS_FILE_BYTES);
  if (isReadFailure(read)) {
    if (read.code === 'ENOENT') return { groups: [], problems: [] };
    return { groups: [], problems: [{ file: ALIAS_FILE, reason: `cannot be used: ${read.reason}` }] };
  }
  const { groups, errors } = parseAliasGroups(read.bytes.toString('utf8'));
  return {
    groups,
    problems: errors.map((e) => ({ file: ALIAS_FILE, reason: `line ${e.line} ${e.reason}` })),
  };
}
