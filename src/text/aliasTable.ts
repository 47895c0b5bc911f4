import { type AliasTable, BUILT_IN_ALIAS_GROUPS, buildAliasTable, parseAliasGroups } from './aliases.js';
import { analyze } from './analyze.js';

const termsOf = (form: string) => analyze(form).map((t) => t.term);

export const BUILT_IN_ALIASES: AliasTable = buildAliasTable(
  parseAliasGroups(BUILT_IN_ALIAS_GROUPS.join('\n')).groups,
  termsOf,
);

/** The built-in groups plus a moderator's aliases.txt (parsed by parseAliasGroups). */
export function aliasTableFor(extraGroups: string[][]): AliasTable {
  if (extraGroups.length === 0) return BUILT_IN_ALIASES;
  const builtIn = parseAliasGroups(BUILT_IN_ALIAS_GROUPS.join('\n')).groups;
  return buildAliasTable([...builtIn, ...extraGroups], termsOf);
}
