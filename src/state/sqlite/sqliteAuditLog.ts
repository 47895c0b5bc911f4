import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditLog } from '../auditLog.js';

export class SqliteAuditLog implements AuditLog {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async record(entry: Omit<AuditEntry, 'id' | 'at'>, at?: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO audit_log (at, moderator, guild_id, action, diff) VALUES (?, ?, ?, ?, ?)')
      .run(
        (at ?? this.now()).toISOString(),
        entry.moderator,
        entry.guildId,
        entry.action,
        JSON.stringify(entry.diff),
      );
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare(
        'SELECT id, at, moderator, guild_id AS guildId, action, diff FROM audit_log ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as (Omit<AuditEntry, 'diff'> & { diff: string })[];
    return rows.map((row) => ({ ...row, diff: JSON.parse(row.diff) as Record<string, unknown> }));
  }
}
