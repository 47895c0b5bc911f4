import { sourceOf } from '../../search/answerQuery.js';
import type { KnowledgeInfo } from '../../search/knowledgeInfo.js';
import type { IndexedDocument } from '../../search/searchState.js';
import { sourcesPageId } from '../customIds.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { freshnessFooter } from './freshness.js';
import { pageCount, pagerRow } from './pager.js';
import { sourceLine } from './sourceLine.js';

const SOURCES_PAGE_SIZE = 10;

/** The documents the bot answers from, a page at a time. */
export function sourcesMessage(
  documents: IndexedDocument[],
  page: number,
  info: KnowledgeInfo,
): MessagePayload {
  const pages = pageCount(documents.length, SOURCES_PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const slice = documents.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  const description =
    slice.length === 0
      ? 'The knowledge folder holds no documents yet. Moderators can add some and run `/reindex`.'
      : slice
          .map((doc, i) => {
            const line = sourceLine(current * SOURCES_PAGE_SIZE + i + 1, sourceOf(doc));
            return `${line} · ${doc.passageIds.length} passages`;
          })
          .join('\n');
  return {
    embeds: [
      {
        color: COLORS.answer,
        title: 'Sources in the knowledge',
        description,
        footer: { text: `${freshnessFooter(info)} · page ${current + 1} of ${pages}` },
      },
    ],
    components: pages > 1 ? [pagerRow(current, pages, (p) => sourcesPageId.build({ page: p }))] : [],
    ephemeral: true,
  };
}
