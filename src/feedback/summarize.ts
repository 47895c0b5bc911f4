import { type FeedbackRecord, parseFeedback } from '../state/feedbackRecord.js';
import type { UnansweredQuestion } from '../state/gapStore.js';
import { foldText } from '../text/fold.js';

/** What the saved index says about a passage, when it still has it. */
export interface PassageLabel {
  documentId: string;
  title: string;
  outlet: string | null;
  firstWords: string;
}

export interface FlaggedPassage {
  passageId: string;
  flags: number;
  /** Distinct members who flagged it: one member flagging twice does not make it twice as wrong. */
  members: number;
  /** The latest reasons given, oldest first. */
  reasons: string[];
  lastFlagged: string;
  passage: PassageLabel | null;
}

export interface NotFoundQuestion {
  /** The latest spelling of the question. */
  query: string;
  count: number;
  lastAsked: string;
}

export interface VotedQuestion {
  /** Null when every vote came after the question expired and nothing else names it. */
  query: string | null;
  key: string | null;
  up: number;
  down: number;
}

/** A question the knowledge did not answer, as the gaps table keeps it. */
export type Miss = Pick<UnansweredQuestion, 'query' | 'askedAt'>;

export interface FeedbackSummary {
  /** Feedback records and kept misses, together. */
  records: number;
  malformed: number;
  votes: { up: number; down: number };
  flagged: FlaggedPassage[];
  notFound: NotFoundQuestion[];
  /** Questions with at least one "not helpful" among the latest vote of each member. */
  unhelpful: VotedQuestion[];
}

const REASONS_KEPT = 5;

/** Which answer a vote is about: its question's key, else (the key expired) the question's text. */
const answerOf = (r: FeedbackRecord): string => r.key ?? `query:${r.query ?? ''}`;

/** A member's latest vote on each answer; records are in the order recorded, so later ones win. */
function latestVotes(records: readonly FeedbackRecord[]): FeedbackRecord[] {
  const latest = new Map<string, FeedbackRecord>();
  for (const r of records) {
    if (r.kind !== 'vote') continue;
    const id = `${r.member}\u0000${answerOf(r)}`;
    latest.delete(id);
    latest.set(id, r);
  }
  return [...latest.values()];
}

function votedQuestions(records: readonly FeedbackRecord[]): VotedQuestion[] {
  // A vote after expiry has no question text; any other record with its key may still name it.
  const queryByKey = new Map<string, string>();
  for (const r of records) if (r.key !== null && r.query !== null) queryByKey.set(r.key, r.query);
  const byAnswer = new Map<string, VotedQuestion>();
  for (const r of latestVotes(records)) {
    const answer = answerOf(r);
    const entry = byAnswer.get(answer) ?? {
      query: r.query ?? (r.key === null ? null : (queryByKey.get(r.key) ?? null)),
      key: r.key,
      up: 0,
      down: 0,
    };
    if (r.vote === 'up') entry.up++;
    else entry.down++;
    byAnswer.set(answer, entry);
  }
  return [...byAnswer.values()];
}

function flaggedPassages(records: readonly FeedbackRecord[]): FlaggedPassage[] {
  const byPassage = new Map<
    string,
    { flags: number; members: Set<string>; reasons: string[]; last: string }
  >();
  for (const r of records) {
    if (r.kind !== 'flag') continue;
    for (const id of new Set(r.passageIds)) {
      const entry = byPassage.get(id) ?? { flags: 0, members: new Set(), reasons: [], last: r.time };
      entry.flags++;
      entry.members.add(r.member);
      if (r.reason) entry.reasons.push(r.reason);
      if (r.time > entry.last) entry.last = r.time;
      byPassage.set(id, entry);
    }
  }
  return [...byPassage]
    .map(([passageId, e]) => ({
      passageId,
      flags: e.flags,
      members: e.members.size,
      reasons: e.reasons.slice(-REASONS_KEPT),
      lastFlagged: e.last,
      passage: null,
    }))
    .sort((a, b) => b.members - a.members || b.flags - a.flags || a.passageId.localeCompare(b.passageId));
}

function notFoundQuestions(records: readonly FeedbackRecord[], misses: readonly Miss[]): NotFoundQuestion[] {
  // "Not found" records are misses from before the gaps table kept them.
  const asked: Miss[] = [
    ...records.flatMap((r) =>
      r.kind === 'not_found' && r.query !== null ? [{ query: r.query, askedAt: r.time }] : [],
    ),
    ...misses,
  ];
  const byQuestion = new Map<string, NotFoundQuestion>();
  for (const miss of asked) {
    const query = miss.query.trim().replace(/\s+/g, ' ');
    if (query === '') continue;
    const id = foldText(query);
    const entry = byQuestion.get(id) ?? { query, count: 0, lastAsked: miss.askedAt };
    entry.count++;
    if (miss.askedAt >= entry.lastAsked) {
      entry.lastAsked = miss.askedAt;
      entry.query = query;
    }
    byQuestion.set(id, entry);
  }
  return [...byQuestion.values()].sort(
    (a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || a.query.localeCompare(b.query),
  );
}

/**
 * Feedback in JSON lines summarised (lines that are not records are counted and skipped); see
 * summarizeRecords.
 */
export function summarizeFeedback(text: string): FeedbackSummary {
  const { records, malformed } = parseFeedback(text);
  return summarizeRecords(records, malformed);
}

/**
 * Feedback records, in the order recorded, summarised for moderators: most-flagged passages,
 * questions the knowledge did not cover, and questions voted unhelpful (each member's latest vote
 * per answer). `malformed` counts lines skipped on the way (when they came from a file). The
 * questions not covered are the `misses` the gaps table keeps, and the "not found" records from
 * before it kept them.
 */
export function summarizeRecords(
  records: readonly FeedbackRecord[],
  malformed = 0,
  misses: readonly Miss[] = [],
): FeedbackSummary {
  const voted = votedQuestions(records);
  return {
    records: records.length + misses.length,
    malformed,
    votes: {
      up: voted.reduce((sum, q) => sum + q.up, 0),
      down: voted.reduce((sum, q) => sum + q.down, 0),
    },
    flagged: flaggedPassages(records),
    notFound: notFoundQuestions(records, misses),
    unhelpful: voted
      .filter((q) => q.down > 0)
      .sort(
        (a, b) =>
          b.down - a.down ||
          a.up - b.up ||
          Number(a.query === null) - Number(b.query === null) ||
          (a.query ?? '').localeCompare(b.query ?? ''),
      ),
  };
}

/** The flagged passages with what the index says about them (null where it no longer has one). */
export function labelPassages(
  summary: FeedbackSummary,
  describe: (passageId: string) => PassageLabel | null,
): FeedbackSummary {
  return { ...summary, flagged: summary.flagged.map((f) => ({ ...f, passage: describe(f.passageId) })) };
}
