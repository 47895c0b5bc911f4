import { rm } from 'node:fs/promises';
import { buildState } from '../src/engine/buildState.js';
import { saveIndex } from '../src/indexStore/saveGeneration.js';
import { scanKnowledge } from '../src/knowledge/loadKnowledge.js';
import { countedFields, documentFields } from '../src/search/indexEntry.js';
import type { SearchState } from '../src/search/searchState.js';
import { segmentDocument } from '../src/text/segment.js';
import { collectGarbage } from './memory.js';

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * Where a full rebuild's time goes: the engine's steps called one by one, beside the serving state
 * (as reindex({ full: true }) would run), with its aliases. Reading the files, segmenting, analysing
 * (index entries), then buildState as a whole (segment + analyse + term stats + minisearch) and saving
 * into `scratchDir`, which is removed afterwards. Mirrors Engine.runReindex, so it follows its API.
 */
export async function buildBreakdown(
  knowledgeDir: string,
  scratchDir: string,
  serving: SearchState,
): Promise<Record<string, number>> {
  await collectGarbage();
  // As runReindex scans: the workers analyse with the serving index's aliases.
  const analyse = { aliasGroups: serving.aliasGroups, signature: serving.aliases.signature };
  const load = await timed(() => scanKnowledge(knowledgeDir, { analyse }));
  const documents = load.value.documents;
  const segmented = await timed(() => documents.map((doc) => ({ doc, passages: segmentDocument(doc) })));
  const analyzed = await timed(() => {
    let terms = 0;
    for (const { doc, passages } of segmented.value) {
      const shared = documentFields(doc.meta, serving.aliases);
      for (const p of passages) terms += countedFields(p.text, shared, serving.aliases)[0].size;
    }
    return terms;
  });
  await collectGarbage();
  const built = await timed(() =>
    buildState(documents, serving.aliases, serving.aliasGroups, load.value.fingerprints),
  );
  const saved = await timed(() => saveIndex(scratchDir, built.value, load.value.skipped));
  await rm(scratchDir, { recursive: true, force: true });
  return {
    loadKnowledgeMs: load.ms,
    segmentMs: segmented.ms,
    analyzeMs: analyzed.ms,
    buildStateMs: built.ms,
    statsAndMinisearchMs: Math.max(0, built.ms - segmented.ms - analyzed.ms),
    saveMs: saved.ms,
  };
}
