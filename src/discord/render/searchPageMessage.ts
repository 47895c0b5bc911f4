import type { SearchFilters, SearchPage } from '../../search/searchPassages.js';
import { searchPageId, timelinePageId } from '../customIds.js';
import { escapeForDiscord, inlineCode } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { pageCount, pagerRow } from './pager.js';
import { quoteMarkdown } from './quoteMarkdown.js';
import { sourceLine } from './sourceLine.js';

export const SEARCH_PAGE_SIZE = 5;
/** quoteMarkdown keeps 40 of this for a source line: about 300 characters of quote per passage. */
const QUOTE_ROOM = 340;

function describeFilters(filters: SearchFilters): string {
  const parts = [
    filters.outlet ? `outlet ${filters.outlet}` : '',
    filters.since ? `since ${filters.since}` : '',
    filters.until ? `until ${filters.until}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

interface PassageList {
  title: string;
  /** What an empty list says: what to try instead. */
  empty: string;
  /** The custom_id that reopens page n of this list. */
  pageId(page: number): string;
}

/** A compact page of passages with Previous / Next: /search and /timeline. */
function passagePageMessage({ title, empty, pageId }: PassageList, page: SearchPage): MessagePayload {
  const pageIndex = Math.floor(page.offset / SEARCH_PAGE_SIZE);
  const pages = pageCount(page.total, SEARCH_PAGE_SIZE);
  if (page.total === 0)
    return {
      embeds: [{ color: COLORS.notFound, title: escapeForDiscord(title), description: empty }],
      ephemeral: true,
    };
  const lines = page.items.map(
    (c) => `${sourceLine(c.rank, c.source)} · ${inlineCode(c.passageId)}\n${quoteMarkdown(c, QUOTE_ROOM)}`,
  );
  return {
    embeds: [
      {
        color: COLORS.answer,
        title: escapeForDiscord(title),
        description: lines.join('\n\n'),
        footer: { text: `${page.total} passages · page ${pageIndex + 1} of ${pages}` },
      },
    ],
    components: pages > 1 ? [pagerRow(pageIndex, pages, pageId)] : [],
    ephemeral: true,
  };
}

/** Every passage that matches a query, 5 a page. */
export function searchPageMessage(
  query: string,
  filters: SearchFilters,
  page: SearchPage,
  key: string,
): MessagePayload {
  return passagePageMessage(
    {
      title: `Search: ${query}${describeFilters(filters)}`,
      empty: 'No passage matches. Try fewer or other words, or drop a filter.',
      pageId: (p) => searchPageId.build({ key, page: p }),
    },
    page,
  );
}

/** The dated passages on a topic, oldest first, 5 a page. */
export function timelineMessage(topic: string, page: SearchPage, key: string): MessagePayload {
  return passagePageMessage(
    {
      title: `Timeline: ${topic}`,
      empty:
        'No dated passage is about this topic. Try the name of a place, an organisation or an event, or `/search` for undated documents too.',
      pageId: (p) => timelinePageId.build({ key, page: p }),
    },
    page,
  );
}
