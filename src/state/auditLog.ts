/** One moderator action, as the log line has it: who (hashed), where, what, and the diff. */
export interface AuditEntry {
  id: number;
  at: string;
  /** Hashed moderator id. */
  moderator: string;
  guildId: string | null;
  action: string;
  /** Counts and ids the bot made, never free text from a member. */
  diff: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'id' | 'at'>, at?: Date): Promise<void>;
  /** The latest entries, newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}
