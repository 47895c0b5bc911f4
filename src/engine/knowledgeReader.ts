import { type KnownDocument, knownDocuments } from '../ingest/duplicates.js';
import { type KnowledgeEntry, knowledgeEntries } from '../knowledge/knowledgeEntries.js';
import { type AnswerOptions, answerQuery } from '../search/answerQuery.js';
import { relatedEarlierQuestions } from '../search/earlierQuestions.js';
import { findPassagesByIdOrText } from '../search/findPassages.js';
import { type KnowledgeInfo, knowledgeInfo } from '../search/knowledgeInfo.js';
import { listDocuments, listOutlets } from '../search/listDocuments.js';
import { type PassageInContext, passageInContext } from '../search/passageInContext.js';
import { type SearchFilters, type SearchPage, searchPassages } from '../search/searchPassages.js';
import type { IndexedDocument, SearchState } from '../search/searchState.js';
import { suggestQueries } from '../search/suggest.js';
import { timeline } from '../search/timeline.js';
import type { Answer, Passage, SkippedDocument } from '../types.js';
import { type DocumentSummary, summarizeDocument } from './documentSummary.js';

/** Where the reader finds the index being served now: a reindex may have replaced it since the last call. */
export interface ServedIndexView {
  readonly state: SearchState;
  readonly skipped: readonly SkippedDocument[];
}

/**
 * The read side of the engine: everything a command asks of the knowledge, always of the index
 * being served at the moment of the call. It never changes the index.
 */
export class KnowledgeReader {
  constructor(private readonly served: ServedIndexView) {}

  private get state(): SearchState {
    return this.served.state;
  }

  /** The served documents with what finds a duplicate of them: URL and a key of their text. */
  knownDocuments(): Promise<KnownDocument[]> {
    return knownDocuments(this.state);
  }

  ask(query: string, options?: AnswerOptions): Answer {
    return answerQuery(this.state, query, options);
  }

  /** Every passage that bears on the query, filtered, one page of them. */
  search(query: string, filters: SearchFilters, offset: number, pageSize: number): SearchPage {
    return searchPassages(this.state, query, filters, offset, pageSize);
  }

  /** The dated passages on a topic, oldest first, one page of them. */
  timeline(topic: string, offset: number, pageSize: number): SearchPage {
    return timeline(this.state, topic, offset, pageSize);
  }

  /** Autocomplete for a question: what the knowledge covers, and earlier questions. */
  suggest(typed: string, recent: string[]): string[] {
    return suggestQueries(this.state, typed, recent);
  }

  /** Earlier questions that share words with this one (as the index analyses words), most related first. */
  relatedEarlier(query: string, earlier: readonly string[]): string[] {
    return relatedEarlierQuestions(query, earlier, this.state.aliases);
  }

  /** A passage with its neighbours and its source; null when no passage has this id. */
  passage(passageId: string): PassageInContext | null {
    return passageInContext(this.state, passageId);
  }

  /** Passages whose id starts with what was typed, else those that best match it as words. */
  findPassages(typed: string, limit: number): Passage[] {
    return findPassagesByIdOrText(this.state, typed, limit);
  }

  /** The indexed documents in the index's order. */
  documents(): IterableIterator<IndexedDocument> {
    return this.state.documents.values();
  }

  /** The indexed documents newest first, undated ones last (as /sources lists them). */
  documentsByDate(): IndexedDocument[] {
    return listDocuments(this.state);
  }

  document(id: string): DocumentSummary | null {
    return summarizeDocument(this.state, id);
  }

  /** Files of the knowledge folder the last reindex could not take in, with the reason. */
  skipped(): readonly SkippedDocument[] {
    return this.served.skipped;
  }

  /** Indexed and skipped files, by file name (/knowledge list). */
  entries(): KnowledgeEntry[] {
    return knowledgeEntries(this.state.documents.values(), this.served.skipped);
  }

  outlets(): string[] {
    return listOutlets(this.state);
  }

  /** Documents, passages and when the index was built. */
  info(): KnowledgeInfo {
    return knowledgeInfo(this.state);
  }
}
