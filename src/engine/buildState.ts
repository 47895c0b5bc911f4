import {
  emptySearchState,
  type IndexedDocument,
  registerDocument,
  type SearchState,
} from '../search/searchState.js';
import type { AliasTable } from '../text/aliases.js';
import { segmentDocument } from '../text/segment.js';
import type { KnowledgeDocument, Passage } from '../types.js';
import { TimeSlicer } from '../util/yieldToEventLoop.js';

export interface SegmentedDocument {
  document: IndexedDocument;
  passages: Passage[];
}

export function segment(doc: KnowledgeDocument): SegmentedDocument {
  const passages = segmentDocument(doc);
  return {
    document: {
      id: doc.id,
      file: doc.file,
      hash: doc.hash,
      meta: doc.meta,
      passageIds: passages.map((p) => p.id),
    },
    passages,
  };
}

/** A fresh index built aside, in time slices, so a serving process keeps answering meanwhile. */
export async function buildState(
  documents: KnowledgeDocument[],
  aliases: AliasTable,
  aliasGroups: string[][],
): Promise<SearchState> {
  const slicer = new TimeSlicer();
  const state = emptySearchState(aliases, aliasGroups);
  for (const doc of documents) {
    const { document, passages } = segment(doc);
    for (const entry of registerDocument(state, document, passages)) {
      state.mini.add(entry);
      await slicer.maybeYield();
    }
    await slicer.maybeYield();
  }
  return state;
}
