/**
 * The knowledge folder itself is missing, not a folder, or unreadable (an unmounted volume, a wrong
 * KNOWLEDGE_DIR). Never the same as a folder whose documents were all removed: nothing may be
 * dropped from the index because of it.
 */
export class KnowledgeFolderError extends Error {
  override name = 'KnowledgeFolderError';
}

/** A document's front matter cannot be read; the message says where and why (the document is skipped). */
export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

/** A front-matter field holds a value of the wrong form (a date that is no date, a URL that is not http(s)). */
export class MetadataError extends Error {
  override name = 'MetadataError';
}

/** Only a regular file is copied: a copy of a link would be a copy of whatever it points at. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
}

/** A removal or restore that cannot be done as asked: the message is for the moderator. */
export class TrashError extends Error {
  override name = 'TrashError';
}

/** A file appeared under the name being written: nothing is written over it. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
}
