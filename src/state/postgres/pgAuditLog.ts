import type pg from 'pg';
import type { AuditEntry, AuditLog } from '../auditLog.js';
import { query } from './pgPool.js';

export class PgAuditLog implements AuditLog {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  async record(entry: Omit<AuditEntry, 'id' | 'at'>, at?: Date): Promise<void> {
    await query(
      this.pool,
      'INSERT INTO audit_log (at, moderator, guild_id, action, diff) VALUES ($1, $2, $3, $4, $5)',
      [
        (at ?? this.now()).toISOString(),
        entry.moderator,
        entry.guildId,
        entry.action,
        JSON.stringify(entry.diff),
      ],
    );
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const { rows } = await query<AuditEntry>(
      this.pool,
      'SELECT id, at, moderator, guild_id AS "guildId", action, diff FROM audit_log ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return rows;
  }
}
