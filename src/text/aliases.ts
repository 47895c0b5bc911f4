import { createHash } from 'node:crypto';
import { nameKey } from './nameKey.js';

/**
 * Equivalent names ("US = United States = USA"): the text pipeline rewrites every form of a group
 * to one canonical term, so the index and the questions meet whichever form each uses.
 */
export interface AliasTable {
  single: Map<string, string>;
  /** Multi-word forms by their first term, longest first. */
  phrases: Map<string, { terms: string[]; canonical: string }[]>;
  /** Changes whenever the groups change: an index built with other aliases is rebuilt. */
  signature: string;
}

/** Common abbreviations of news English, always on; the knowledge folder's aliases.txt adds more. */
export const BUILT_IN_ALIAS_GROUPS: readonly string[] = [
  'US = U.S. = USA = U.S.A. = United States = United States of America = America = American',
  'UK = U.K. = United Kingdom',
  'UN = U.N. = United Nations',
  'EU = E.U. = European Union',
];

export const ALIAS_FILE = 'aliases.txt';

export interface AliasGroupError {
  line: number;
  reason: string;
}

/** One group a line, forms separated by "="; "#" starts a comment. */
export function parseAliasGroups(source: string): { groups: string[][]; errors: AliasGroupError[] } {
  const groups: string[][] = [];
  const errors: AliasGroupError[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const forms = line
      .split('=')
      .map((f) => f.trim())
      .filter(Boolean);
    if (forms.length < 2) errors.push({ line: i + 1, reason: 'needs at least two forms separated by "="' });
    else if (forms.some((f) => f.length > 100))
      errors.push({ line: i + 1, reason: 'a form is over 100 characters' });
    else groups.push(forms);
  });
  return { groups, errors };
}

export const EMPTY_ALIASES: AliasTable = { single: new Map(), phrases: new Map(), signature: 'none' };

/** `toTerms` is the pipeline without aliases: a form's terms are what the index would hold for it. */
export function buildAliasTable(groups: string[][], toTerms: (form: string) => string[]): AliasTable {
  const table: AliasTable = { single: new Map(), phrases: new Map(), signature: '' };
  for (const group of groups) {
    const forms = group.map(toTerms).filter((terms) => terms.length > 0);
    const canonicalForm = forms.find((terms) => terms.length === 1) ?? forms[0];
    if (!canonicalForm) continue;
    const canonical = canonicalForm.join('_');
    for (const terms of forms) {
      const [first] = terms;
      if (first === undefined) continue;
      if (terms.length === 1) {
        if (first !== canonical) table.single.set(first, canonical);
      } else {
        const list = table.phrases.get(first) ?? [];
        list.push({ terms, canonical });
        list.sort((a, b) => b.terms.length - a.terms.length);
        table.phrases.set(first, list);
      }
    }
  }
  const normalized = groups.map((g) => g.join('=')).join('\n');
  table.signature = createHash('sha256').update(normalized).digest('hex').slice(0, 16);
  return table;
}

export function canonicalKey(canonical: string): string | null {
  return canonical.includes('_') ? null : nameKey(canonical);
}
