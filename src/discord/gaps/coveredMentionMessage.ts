import type { CoveredQuestion } from '../../gaps/memberNotice.js';
import type { Source } from '../../types.js';
import { CITATIONS_PER_PAGE } from '../render/answerMessage.js';
import { sourceLine } from '../render/sourceLine.js';
import { LIMITS } from '../send/limits.js';
import type { MessagePayload } from '../send/payload.js';

/** What the mention before the content takes (`<@id> `). */
const MENTION_ROOM = 24;
/** Kept for the "and N more sources" line and the line breaks. */
const MORE_LINE_ROOM = 40;

/** The documents the answers cite, each once, in the order first cited. */
function citedSources(covered: readonly CoveredQuestion[]): Source[] {
  const sources = new Map<string, Source>();
  for (const { answer } of covered)
    for (const citation of answer.citations.slice(0, CITATIONS_PER_PAGE))
      if (!sources.has(citation.documentId)) sources.set(citation.documentId, citation.source);
  return [...sources.values()];
}

/**
 * The mention where the member asked, when their DMs are closed. Others read it too, so it names
 * neither the questions nor the quotes (the member's questions were private): only where the answers are.
 */
export function coveredMentionMessage(covered: readonly CoveredQuestion[]): MessagePayload {
  const one = covered.length === 1;
  const head = one
    ? 'a question you asked me to watch is now covered by:'
    : `${covered.length} questions you asked me to watch are now covered by:`;
  const tail = one
    ? 'I could not send you the answer directly: your direct messages are closed to me. Ask it again with `/ask` (`private: True` keeps the answer to you).'
    : 'I could not send you the answers directly: your direct messages are closed to me. Ask them again with `/ask` (`private: True` keeps the answers to you).';
  const sources = citedSources(covered).map((source, i) => sourceLine(i + 1, source));
  let room = LIMITS.content - MENTION_ROOM - head.length - tail.length - MORE_LINE_ROOM;
  const shown: string[] = [];
  for (const line of sources) {
    if (line.length + 1 > room) break;
    shown.push(line);
    room -= line.length + 1;
  }
  const cut = sources.length - shown.length;
  return {
    content: [head, ...shown, ...(cut > 0 ? [`and ${cut} more sources`] : []), tail].join('\n'),
    suppressEmbeds: true,
  };
}
