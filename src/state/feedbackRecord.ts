/**
 * What members tell us about answers: a row each in the state database (a JSON line each in the old
 * feedback.jsonl). `not_found` is only read now: older versions recorded misses here, which the gaps
 * table keeps instead.
 */
export type FeedbackKind = 'vote' | 'flag' | 'not_found';
export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  /** ISO time of the record. */
  time: string;
  kind: FeedbackKind;
  /** The question; null when its key expired before the member clicked. */
  query: string | null;
  /** The question's key in the query store (what the buttons carry); null for "not found". */
  key: string | null;
  /** The passages the feedback is about: the citations shown, or the one flagged. */
  passageIds: string[];
  vote?: Vote;
  /** A flag's reason, verbatim and capped: data, never rendered unescaped. */
  reason?: string | null;
  /** The member's hashed id (hashId), never the raw id. */
  member: string;
}

export type FeedbackInput = Omit<FeedbackRecord, 'time'>;

export const REASON_MAX = 500;
export const QUERY_MAX = 1000;

/** At most `max` UTF-16 units, never ending inside a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A modal's reason as stored: outer whitespace trimmed, capped; null when nothing was written. */
export function cleanReason(raw: string | null | undefined): string | null {
  const reason = capText((raw ?? '').trim(), REASON_MAX);
  return reason === '' ? null : reason;
}

const KINDS: readonly string[] = ['vote', 'flag', 'not_found'];

const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

/** One line of the file as a record, or null when it is not one (a torn write, a hand edit). */
export function parseFeedbackLine(line: string): FeedbackRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  if (typeof r.time !== 'string' || typeof r.kind !== 'string' || !KINDS.includes(r.kind)) return null;
  if (!isStringOrNull(r.query) || !isStringOrNull(r.key) || typeof r.member !== 'string') return null;
  if (!Array.isArray(r.passageIds) || !r.passageIds.every((id) => typeof id === 'string')) return null;
  if (r.kind === 'vote' && r.vote !== 'up' && r.vote !== 'down') return null;
  if (r.reason !== undefined && !isStringOrNull(r.reason)) return null;
  return r as unknown as FeedbackRecord;
}

/** A feedback.jsonl's records, in file order, and how many of its lines were not records. */
export function parseFeedback(text: string): { records: FeedbackRecord[]; malformed: number } {
  const records: FeedbackRecord[] = [];
  let malformed = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const record = parseFeedbackLine(line);
    if (record) records.push(record);
    else malformed++;
  }
  return { records, malformed };
}
