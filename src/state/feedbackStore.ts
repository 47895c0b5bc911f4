import type { FeedbackRecord } from './feedbackRecord.js';

export type { FeedbackKind, FeedbackRecord, Vote } from './feedbackRecord.js';

/** One earlier feedback.jsonl brought into the store: which file, and what it held. */
export interface FeedbackImport {
  /** The file's name as it was found in DATA_DIR. */
  file: string;
  /** SHA-256 of the file's bytes: the same file is never imported twice. */
  digest: string;
  records: number;
  /** Lines that were not records (a torn write, a hand edit): counted, not kept. */
  skipped: number;
  importedAt: string;
}

/** Votes and flags (and older versions' "not found" records): what members told the moderators. */
export interface FeedbackStore {
  /** Keeps one record as given (its time included). */
  append(record: FeedbackRecord): Promise<void>;
  /** Every record, in the order recorded (later votes replace earlier ones in the summary). */
  list(): Promise<FeedbackRecord[]>;
  count(): Promise<number>;
  /**
   * Keeps an imported file's records and its description, all or nothing. False, and nothing
   * written, when a file with the same digest was imported before.
   */
  importFile(description: FeedbackImport, records: readonly FeedbackRecord[]): Promise<boolean>;
  /** The files imported so far, oldest first. */
  imports(): Promise<FeedbackImport[]>;
  /** /forget-me: removes every record of a member (by hashed id); returns how many. */
  forgetMember(member: string): Promise<number>;
}
