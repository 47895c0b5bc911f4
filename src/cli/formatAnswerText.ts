import { outletWithClaim } from '../knowledge/outletClaim.js';
import { nothingAbout } from '../search/answerQuery.js';
import { REPORTS_DIFFER } from '../search/reportsDiffer.js';
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
    lines.push(`[${c.rank}] “${highlighted(c, style)}”`, `    — ${formatSource(c.source)}`, '');
  }
  return lines.join('\n').trimEnd();
}
