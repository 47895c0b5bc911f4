import { inlineCode } from '../send/escape.js';

/** Document ids shown in one line at most: enough to act on, short enough to leave room for the rest. */
const MAX_IDS = 15;

/** `**Label:** `a`, `b` … and N more`, or '' when there are none. */
export function idList(label: string, ids: readonly string[], max = MAX_IDS): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, max).map(inlineCode);
  const more = ids.length > max ? ` … and ${ids.length - max} more` : '';
  return `**${label}:** ${shown.join(', ')}${more}`;
}
