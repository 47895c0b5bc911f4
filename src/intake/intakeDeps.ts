import type { Engine } from '../engine/engine.js';
import type { KnowledgeReader } from '../engine/knowledgeReader.js';

/** What a change to the knowledge folder needs: the folders, and the engine that reindexes after it. */
export interface IntakeDeps {
  config: { knowledgeDir: string; dataDir: string };
  engine: Pick<Engine, 'reindexSoon'> & {
    /** The served index: duplicates are looked up in it, and an added document read back from it. */
    readonly knowledge: Pick<KnowledgeReader, 'knownDocuments' | 'document'>;
  };
}
