/** What `npm run add-url` prints: the preview of the article, and why it was not added when it was not. */

import type { ArticlePreview } from '../ingest/articleDocument.js';
import { lengthLabel } from '../ingest/articleVerdict.js';
import type { Duplicate } from '../ingest/duplicates.js';
import type { ArticleRefusal } from '../intake/refusal.js';
import { outletWithClaim } from '../knowledge/outletClaim.js';
import type { ExistingFile, UploadDecision } from '../knowledge/uploadTarget.js';

const FIRST_PASSAGE_CHARS = 300;

function field(label: string, value: string | null, inferred: boolean): string {
  return `  ${`${label}:`.padEnd(11)}${value ?? '—'}${value !== null && inferred ? ' (from the page)' : ''}`;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf(' ', max);
  return `${text.slice(0, end > max / 2 ? end : max)} …`;
}

export function describePreview(preview: ArticlePreview): string {
  const from = (name: ArticlePreview['inferred'][number]) => preview.inferred.includes(name);
  return [
    field('title', preview.title, from('title')),
    field('outlet', preview.outlet && outletWithClaim(preview.outlet, preview.outletClaim), from('outlet')),
    field('author', preview.author, from('author')),
    field('published', preview.published, from('published')),
    field('url', preview.url, from('url')),
    `  ${'passages:'.padEnd(11)}${preview.passages} (${lengthLabel(preview.words)})`,
    `  ${'first:'.padEnd(11)}${preview.firstPassage ? cut(preview.firstPassage.replace(/\s+/g, ' '), FIRST_PASSAGE_CHARS) : '—'}`,
  ].join('\n');
}

function named(doc: { title: string; file: string }): string {
  return `“${doc.title}” (${doc.file})`;
}

function namedFile(existing: ExistingFile): string {
  return existing.meta ? named({ title: existing.meta.title, file: existing.file }) : existing.file;
}

export function duplicateRefusal(duplicate: Duplicate, replace: boolean): string {
  const { existing } = duplicate;
  if (duplicate.by === 'url')
    return `${named(existing)} is already in the knowledge with this URL${replace ? '' : '; add it with --replace to replace it'}`;
  return `the same text is already in the knowledge as ${named(existing)}${existing.url ? `, from ${existing.url}` : ''}`;
}

export function placementRefusal(decision: Extract<UploadDecision, { kind: 'refuse' }>): string {
  const [first] = decision.existing;
  if (!first) return 'the knowledge folder changed meanwhile; try again';
  switch (decision.why) {
    case 'needs-replace':
      return `${namedFile(first)} is already in the knowledge folder; add it with --replace to replace it`;
    case 'different-document':
      return `a different document, ${namedFile(first)}, has this article's file name; --replace only replaces the same document (the same URL, or the same title when either has no URL)`;
    case 'unreadable':
      return `${namedFile(first)} has this article's file name and is not a readable document (${'reason' in first ? first.reason : 'unreadable'}); fix or remove that file first`;
    case 'duplicates':
      return `${decision.existing.map(namedFile).join(' and ')} already share this article's file name; fix the folder first`;
  }
}

export function refusalText(refusal: ArticleRefusal, replace: boolean): string {
  switch (refusal.kind) {
    case 'duplicate':
      return duplicateRefusal(refusal.duplicate, replace);
    case 'occupied':
      return placementRefusal(refusal.decision);
    case 'changed-meanwhile':
      return `a file named ${refusal.file} appeared in the knowledge folder meanwhile; try again`;
  }
}
