import type { Citation } from '../../types.js';
import { boldRanges } from '../send/escape.js';
import type { MessagePayload } from '../send/payload.js';
import { truncate } from '../send/truncate.js';
import { COLORS } from './colors.js';
import { sourceLine } from './sourceLine.js';

const PASSAGE_ROOM = 3500;

/** One citation as its own thread message: the full passage, matched terms in bold, and its source. */
export function threadCitation(citation: Citation): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.answer,
        // The passage gives way to the source line, never the reverse, if it is ever too long for one embed.
        description: `${truncate(boldRanges(citation.text, citation.textHighlights), PASSAGE_ROOM)}\n\n${sourceLine(citation.rank, citation.source)}`,
        footer: { text: `passage ${citation.passageId}` },
      },
    ],
  };
}
