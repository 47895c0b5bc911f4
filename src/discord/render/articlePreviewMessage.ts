/**
 * An article read off a web page, shown to moderators before anything enters the knowledge: title,
 * outlet, author, date, URL, passage count and the first passage quoted. Every field comes from a page
 * anyone can write, so each is escaped (nothing pings, links only as bare http(s) addresses, no
 * formatting). The caller adds its own buttons and decides where the message goes (a private reply to
 * `/knowledge add url:`, a post in the review channel for a feed item).
 */

import type { APIEmbed } from 'discord.js';
import type { ArticlePreview } from '../../ingest/articleDocument.js';
import { lengthLabel } from '../../ingest/articleVerdict.js';
import { outletWithClaim } from '../../knowledge/outletClaim.js';
import type { MetadataField } from '../../types.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncateLabel } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { quoteMarkdown } from './quoteMarkdown.js';
import { shownUrl } from './sourceLine.js';

/** Room for the first passage; the fields above it stay whole. */
const FIRST_PASSAGE_CHARS = 1500;
const FIELD_CHARS = 300;
export const FROM_PAGE_MARK = ' *(from the page)*';

export interface ArticlePreviewOptions {
  /** The embed's title; "Article preview" by default. */
  heading?: string;
  /** One line under the fields, e.g. what Add will do, or who decided. Our text: not escaped. */
  note?: string;
  /** The footer; by default says nothing is in the knowledge yet. */
  footer?: string;
}

export const PREVIEW_FOOTER = 'Not in the knowledge yet: nothing is added until Add is pressed.';

function field(label: string, value: string | null, inferred: boolean, missing: string): string {
  if (value === null || value.trim() === '') return `**${label}:** ${missing}`;
  return `**${label}:** ${escapeForDiscord(truncateLabel(value, FIELD_CHARS))}${inferred ? FROM_PAGE_MARK : ''}`;
}

/** The URL as a bare address (clickable, no preview inside an embed), or escaped text when not http(s). */
function urlField(url: string | null, inferred: boolean): string {
  if (url === null) return '**URL:** none';
  return `**URL:** ${shownUrl(url, FIELD_CHARS)}${inferred ? FROM_PAGE_MARK : ''}`;
}

export function articlePreviewEmbed(preview: ArticlePreview, options: ArticlePreviewOptions = {}): APIEmbed {
  const from = (name: MetadataField) => preview.inferred.includes(name);
  const lines = [
    field('Title', preview.title, from('title'), 'untitled'),
    field(
      'Outlet',
      preview.outlet && outletWithClaim(preview.outlet, preview.outletClaim),
      from('outlet'),
      'unknown',
    ),
    field('Author', preview.author, from('author'), 'unknown'),
    field('Date', preview.published, from('published'), 'undated'),
    urlField(preview.url, from('url')),
    `**Passages:** ${preview.passages} (${lengthLabel(preview.words)}) · as ${inlineCode(preview.file)}`,
  ];
  if (options.note) lines.push(options.note);
  if (preview.firstPassage)
    lines.push('', quoteMarkdown({ quote: preview.firstPassage, highlights: [] }, FIRST_PASSAGE_CHARS));
  return {
    color: COLORS.moderator,
    title: options.heading ?? 'Article preview',
    description: lines.join('\n'),
    footer: { text: options.footer ?? PREVIEW_FOOTER },
  };
}

/** The preview as a message without buttons: the caller adds its components and `ephemeral`. */
export function articlePreviewMessage(
  preview: ArticlePreview,
  options: ArticlePreviewOptions = {},
): MessagePayload {
  return { embeds: [articlePreviewEmbed(preview, options)] };
}
