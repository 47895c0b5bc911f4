import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDocument, type SyntheticDocument } from './corpus.js';

/** Writes the documents as Markdown knowledge files into `dir`; returns the bytes written. */
export async function writeCorpus(dir: string, docs: readonly SyntheticDocument[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const doc of docs) {
    const content = renderDocument(doc);
    bytes += Buffer.byteLength(content);
    await writeFile(join(dir, doc.file), content);
  }
  return bytes;
}
