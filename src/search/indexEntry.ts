import MiniSearch, { type Options } from 'minisearch';
import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import type { Passage } from '../types.js';

/** A passage as minisearch sees it: every field already run through the text pipeline. */
export interface IndexEntry {
  id: string;
  text: string;
  keys: string;
  title: string;
  outlet: string;
}

export const INDEX_FIELDS = ['text', 'keys', 'title', 'outlet'] as const;

function splitAnalyzed(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}

/** Fields arrive pre-analyzed, so minisearch only splits on the spaces we put there. */
export const MINISEARCH_OPTIONS: Options<IndexEntry> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: splitAnalyzed,
  processTerm: (term) => term,
  searchOptions: { tokenize: splitAnalyzed, processTerm: (term) => term },
};

export function createMiniSearch(): MiniSearch<IndexEntry> {
  return new MiniSearch<IndexEntry>(MINISEARCH_OPTIONS);
}

export function joinTerms(text: string, aliases: AliasTable): string {
  return analyze(text, aliases)
    .map((t) => t.term)
    .join(' ');
}

export function toIndexEntry(
  passage: Passage,
  title: string,
  outlet: string | null,
  aliases: AliasTable,
): IndexEntry {
  const tokens = analyze(passage.text, aliases);
  return {
    id: passage.id,
    text: tokens.map((t) => t.term).join(' '),
    keys: tokens
      .map((t) => t.key)
      .filter((k): k is string => k !== null)
      .join(' '),
    title: joinTerms(title, aliases),
    outlet: outlet ? joinTerms(outlet, aliases) : '',
  };
}
