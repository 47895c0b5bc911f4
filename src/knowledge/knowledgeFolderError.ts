/**
 * The knowledge folder itself is missing, not a folder, or unreadable (an unmounted volume, a wrong
 * KNOWLEDGE_DIR). Never the same as a folder whose documents were all removed: nothing may be
 * dropped from the index because of it.
 */
export class KnowledgeFolderError extends Error {
  override name = 'KnowledgeFolderError';
}
