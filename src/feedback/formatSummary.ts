import { forTerminal } from '../util/forTerminal.js';
import type { FeedbackSummary, FlaggedPassage, VotedQuestion } from './summarize.js';

const SHOWN = 20;
const REASON_SHOWN = 120;

/** Member text on a terminal: no control or format characters (escape sequences, bidi overrides), one line. */
export function terminalText(text: string, max = 200): string {
  const line = forTerminal(text)
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function section<T>(title: string, items: T[], line: (item: T) => string[]): string[] {
  const shown = items.slice(0, SHOWN).flatMap(line);
  const more = items.length > SHOWN ? [`  … and ${items.length - SHOWN} more (--json lists all)`] : [];
  return [title, ...(items.length === 0 ? ['  (none)'] : [...shown, ...more]), ''];
}

function flaggedLines(f: FlaggedPassage, indexed: boolean): string[] {
  const count = `${String(f.flags).padStart(4)}  ${f.passageId}`;
  const members = f.members === f.flags ? '' : ` (${f.members} member${f.members === 1 ? '' : 's'})`;
  const where = f.passage
    ? `  ${terminalText(f.passage.title, 80)} — ${terminalText(f.passage.outlet ?? 'outlet unknown', 40)} (${f.passage.documentId}): "${terminalText(f.passage.firstWords)}"`
    : indexed
      ? '  (no longer in the saved index)'
      : '';
  const reason = f.reasons.at(-1);
  return [
    `${count}${members}${where}`,
    ...(reason ? [`        latest reason: "${terminalText(reason, REASON_SHOWN)}"`] : []),
  ];
}

function unhelpfulLine(q: VotedQuestion): string {
  const question = q.query === null ? `(question expired; key ${q.key ?? 'unknown'})` : terminalText(q.query);
  return `${String(q.down).padStart(4)}  ${question}  (${q.down} not helpful, ${q.up} helpful)`;
}

/** The summary as `npm run feedback` prints it; `indexed` says whether a saved index was there to label passages. */
export function formatSummary(summary: FeedbackSummary, file: string, indexed = true): string {
  const malformed =
    summary.malformed === 0
      ? ''
      : ` (${summary.malformed} malformed line${summary.malformed === 1 ? '' : 's'} skipped)`;
  return [
    `${summary.records} feedback record${summary.records === 1 ? '' : 's'} in ${forTerminal(file, { oneLine: true })}${malformed}`,
    `votes (latest per member and answer): ${summary.votes.up} helpful, ${summary.votes.down} not helpful`,
    '',
    ...section(
      indexed ? 'Most-flagged passages' : 'Most-flagged passages (no saved index: ids only)',
      summary.flagged,
      (f) => flaggedLines(f, indexed),
    ),
    ...section('Questions answered "not found"', summary.notFound, (q) => [
      `${String(q.count).padStart(4)}  ${terminalText(q.query)}`,
    ]),
    ...section('Questions voted unhelpful', summary.unhelpful, (q) => [unhelpfulLine(q)]),
  ]
    .join('\n')
    .trimEnd();
}
