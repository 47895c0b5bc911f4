import type { KnowledgeInfo } from '../../search/knowledgeInfo.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { freshnessFooter } from './freshness.js';

const HELP = `I answer questions about the crisis **only with verbatim quotes** from the documents in my knowledge, each with its source. I never write answers of my own: when the documents don't answer, I say so.

**Commands**
\`/ask question\` — quoted passages that answer, the answering sentence shown with the matched words in bold. Add \`private: True\` to see it only yourself (then **Share** posts it).
\`/search query [outlet] [since] [until]\` — every matching passage, 5 a page.
\`/timeline topic\` — the dated passages on a topic, oldest first.
\`/sources\` — the documents I know.
\`/passage id\` — one passage in full, with what comes before and after.
**Apps → Find sources** (right-click a message) — the passages that bear on a claim, posted in a thread.
\`/reindex update\` · \`rollback\` — moderators: reload the knowledge folder, or serve the previous index again.
\`/knowledge list\` · \`add\` · \`remove\` · \`restore\` — moderators: manage the knowledge documents.

**Reading a citation**
\`[1] Title — Outlet, date\` names where the quote comes from (the title links to the article when its address is known). **More sources** shows further passages, **Context** the text around a quote, **Open thread** posts each citation in full in a thread. Several outlets saying the same thing is counted in the footer.`;

export function helpMessage(info: KnowledgeInfo): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.answer,
        title: 'crisis-desk',
        description: HELP,
        footer: { text: freshnessFooter(info) },
      },
    ],
    ephemeral: true,
  };
}
