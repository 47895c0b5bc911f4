import type { Citation } from '../../types.js';
import { boldRanges } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { COLORS } from './colors.js';
import { sourceLine } from './sourceLine.js';

/** One citation as its own thread message: the full passage, matched terms in bold, and its source. */
export function threadCitation(citation: Citation): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.answer,
        description: `${boldRanges(citation.text, citation.textHighlights)}\n\n${sourceLine(citation.rank, citation.source)}`,
        footer: { text: `passage ${citation.passageId}` },
      },
    ],
  };
}
