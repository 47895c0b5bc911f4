import { outletWithClaim } from '../knowledge/outletClaim.js';
import { nothingAbout } from '../search/answerQuery.js';
import { REPORTS_DIFFER } from '../search/reportsDiffer.js';
import type { SearchPage } from '../search/searchPassages.js';
import { sourceDate } from '../search/sourceDate.js';
import type { Answer, Citation, Source } from '../types.js';
import { forTerminal } from '../util/forTerminal.js';

export interface TextStyle {
  bold(text: string): string;
}

export const PLAIN: TextStyle = { bold: (t) => t };
export const ANSI: TextStyle = { bold: (t) => `\u001b[1m${t}\u001b[22m` };

export function formatSource(source: Source): string {
  const field = (text: string) => forTerminal(text, { oneLine: true });
  const outlet = outletWithClaim(source.outlet ?? 'outlet unknown', source.outletClaim);
  const details = [outlet, source.author, sourceDate(source)].filter(Boolean);
  const line = `${field(source.title)} — ${field(details.join(', '))}`;
  return `${line}${source.url ? `\n      ${field(source.url)}` : ''}`;
}

function highlighted(citation: Citation, style: TextStyle): string {
  let out = '';
  let at = 0;
  // Each piece is made safe before the style's own escape codes go around it.
  const piece = (start: number, end?: number) => forTerminal(citation.quote.slice(start, end));
  for (const h of citation.highlights) {
    out += piece(at, h.start) + style.bold(piece(h.start, h.end));
    at = h.end;
  }
  return out + piece(at);
}

/** The readable answer `npm run ask` prints. */
export function formatAnswerText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  if (answer.truncated) lines.push('(question cut to its first 1000 characters)');
  if (!answer.answered) {
    lines.push(`Not found: the knowledge does not answer "${forTerminal(answer.query, { oneLine: true })}".`);
    if (answer.missing)
      lines.push(nothingAbout(answer.missing.map((m) => forTerminal(m, { oneLine: true }))));
    if (answer.hint) lines.push(answer.hint);
    if (answer.suggestions.length > 0) {
      lines.push('Closest topics it covers:');
      for (const s of answer.suggestions) lines.push(`  - ${forTerminal(s, { oneLine: true })}`);
    }
    return lines.join('\n');
  }
  const outlets = answer.outlets === 1 ? '1 outlet' : `${answer.outlets} outlets`;
  lines.push(`${answer.citations.length} quoted passage(s), from ${outlets}:`);
  if (answer.differs) lines.push(REPORTS_DIFFER);
  lines.push('');
  for (const c of answer.citations) {
    lines.push(...citationLines(c, style));
  }
  return lines.join('\n').trimEnd();
}

function citationLines(c: Citation, style: TextStyle): string[] {
  return [`[${c.rank}] “${highlighted(c, style)}”`, `    — ${formatSource(c.source)}`, ''];
}

/** The readable page `npm run ask -- --timeline` prints; `pageSize` says how many a page holds. */
export function formatTimelineText(
  topic: string,
  page: SearchPage,
  pageSize: number,
  style: TextStyle = PLAIN,
): string {
  const shown = forTerminal(topic, { oneLine: true });
  if (page.total === 0)
    return `No dated passage in the knowledge is about "${shown}". Try the name of a place, an organisation or an event.`;
  const pages = Math.max(1, Math.ceil(page.total / pageSize));
  const current = Math.floor(page.offset / pageSize) + 1;
  const lines = [
    `Timeline of "${shown}": ${page.total} dated passage(s), oldest first, page ${current} of ${pages}`,
    '',
  ];
  for (const c of page.items) lines.push(...citationLines(c, style));
  if (current < pages) lines.push(`(next: --page ${current + 1})`);
  return lines.join('\n').trimEnd();
}
