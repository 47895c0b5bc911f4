import { nothingAbout } from '../../search/answerQuery.js';
import type { KnowledgeInfo } from '../../search/knowledgeInfo.js';
import type { Answer } from '../../types.js';
import { escapeForDiscord } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { freshnessFooter } from './freshness.js';

/**
 * Private reply when the knowledge does not answer: say so, and offer what it does answer near the question:
 * earlier questions that were answered, and the closest topics.
 */
export function notFoundMessage(
  answer: Answer,
  info: KnowledgeInfo,
  earlier: readonly string[] = [],
): MessagePayload {
  const lines = [
    `The knowledge does not cover this, so I won't quote anything for it.`,
    answer.missing ? nothingAbout(answer.missing.map((m) => `**${escapeForDiscord(m)}**`)) : '',
    answer.hint ? `\n${escapeForDiscord(answer.hint)}` : '',
    earlier.length > 0 ? '\n**Answered questions close to it:**' : '',
    ...earlier.map((q) => `• ${escapeForDiscord(q)}`),
    answer.suggestions.length > 0 ? '\n**Closest topics it does cover:**' : '',
    ...answer.suggestions.map((s) => `• ${escapeForDiscord(s)}`),
    '\nTry other words, a name or a place, or see `/sources` for what is covered.',
  ].filter(Boolean);
  return {
    embeds: [
      {
        color: COLORS.notFound,
        title: `Not found: ${answer.query}`,
        description: lines.join('\n'),
        footer: { text: freshnessFooter(info) },
      },
    ],
    ephemeral: true,
  };
}
