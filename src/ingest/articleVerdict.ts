/**
 * Whether what Readability found is an article, and if not, why in words a moderator recognises: a page
 * built by JavaScript, a paywall, an index of links, or too little prose. A short article (a brief: the
 * first news of a crisis often is one) counts when it holds one full sentence.
 */

import { hasFullSentence } from '../text/fullSentence.js';
import type { BlockParagraph, BlockText } from './blockParagraphs.js';

/** Prose below this many words is a brief: an article only when it holds a full sentence. */
export const BRIEF_WORDS = 80;
/** Below this many words of text in the whole page (scripts aside), the page is an empty shell. */
const SHELL_WORDS = 40;
/** A paragraph with more of its text in links than this is a link, not prose. */
const LINK_PARAGRAPH_SHARE = 0.5;
/** Text mostly in links is an index or listing page. */
const LISTING_LINK_SHARE = 0.5;
/** Words of a page telling the reader to pay or sign in to go on. */
const PAYWALL_WORDS =
  /\b(subscribe|subscription|subscribers? only|sign in to (read|continue)|log in to (read|continue)|already a subscriber)\b/i;

const isProse = (p: BlockParagraph) => p.linkShare <= LINK_PARAGRAPH_SHARE;

export function proseWords(paragraphs: readonly BlockParagraph[]): number {
  let words = 0;
  for (const p of paragraphs) if (isProse(p)) words += p.words;
  return words;
}

/** True when a prose paragraph of `text` holds a full sentence. */
export function holdsFullSentence(text: BlockText): boolean {
  return text.paragraphs.some((p) => isProse(p) && hasFullSentence(p.text));
}

/** How a preview gives an article's length: "412 words", or "brief, 53 words". */
export function lengthLabel(words: number): string {
  return words < BRIEF_WORDS ? `brief, ${words} words` : `${words} words`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Null when `article` reads as an article; else the reason it does not. `page` is the whole page's text,
 * read before Readability, `article` what Readability kept (null when it kept nothing).
 */
export function noArticleReason(
  page: BlockText,
  article: BlockText | null,
  paywalled: boolean,
): string | null {
  const words = article ? proseWords(article.paragraphs) : 0;
  const articleLinkShare = article && article.chars > 0 ? article.linkChars / article.chars : 0;
  if (words >= BRIEF_WORDS && articleLinkShare <= LISTING_LINK_SHARE) return null;
  const sentence = article !== null && holdsFullSentence(article);
  const pageWords = page.paragraphs.reduce((n, p) => n + p.words, 0);
  if (pageWords < SHELL_WORDS && !sentence)
    return `the page holds almost no text (${pageWords} words) until JavaScript runs, which is not done here: it has no article to read`;
  const teaser = article?.paragraphs.some((p) => PAYWALL_WORDS.test(p.text)) ?? false;
  if (words < BRIEF_WORDS && (paywalled || teaser))
    return `only ${words} words of the article are free to read: the rest is behind a paywall`;
  const pageLinkShare = page.chars > 0 ? page.linkChars / page.chars : 0;
  if (articleLinkShare > LISTING_LINK_SHARE || pageLinkShare > LISTING_LINK_SHARE)
    return `the page is mostly links (${percent(Math.max(articleLinkShare, pageLinkShare))} of its text): an index or listing page, not an article`;
  if (!sentence)
    return `the page has too little article text (${words} words and not one full sentence) to be an article`;
  return null;
}
