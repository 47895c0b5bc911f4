import type pg from 'pg';
import type { FeedbackImport, FeedbackRecord, FeedbackStore } from '../feedbackStore.js';
import { query, transaction } from './pgPool.js';

interface Row {
  time: string;
  kind: FeedbackRecord['kind'];
  query: string | null;
  key: string | null;
  passage_ids: string[];
  vote: 'up' | 'down' | null;
  reason: string | null;
  member: string;
}

/** A row as the record it was: `vote` on votes, `reason` on flags (and wherever one was given). */
const toRecord = (row: Row): FeedbackRecord => ({
  time: row.time,
  kind: row.kind,
  query: row.query,
  key: row.key,
  passageIds: row.passage_ids,
  ...(row.vote === null ? {} : { vote: row.vote }),
  ...(row.kind === 'flag' || row.reason !== null ? { reason: row.reason } : {}),
  member: row.member,
});

const INSERT = `INSERT INTO feedback (time, kind, query, key, passage_ids, vote, reason, member)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

const values = (r: FeedbackRecord) => [
  r.time,
  r.kind,
  r.query,
  r.key,
  JSON.stringify(r.passageIds),
  r.vote ?? null,
  r.reason ?? null,
  r.member,
];

export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly pool: pg.Pool) {}

  async append(record: FeedbackRecord): Promise<void> {
    await query(this.pool, INSERT, values(record));
  }

  async list(): Promise<FeedbackRecord[]> {
    return (await query<Row>(this.pool, 'SELECT * FROM feedback ORDER BY id')).rows.map(toRecord);
  }

  async count(): Promise<number> {
    return (await query<{ n: number }>(this.pool, 'SELECT COUNT(*) AS n FROM feedback')).rows[0]?.n ?? 0;
  }

  async importFile(description: FeedbackImport, records: readonly FeedbackRecord[]): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO feedback_imports (digest, file, records, skipped, imported_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (digest) DO NOTHING`,
        [
          description.digest,
          description.file,
          description.records,
          description.skipped,
          description.importedAt,
        ],
      );
      if (rowCount !== 1) return false;
      for (const r of records) await client.query(INSERT, values(r));
      return true;
    });
  }

  async imports(): Promise<FeedbackImport[]> {
    const { rows } = await query<FeedbackImport>(
      this.pool,
      'SELECT file, digest, records, skipped, imported_at AS "importedAt" FROM feedback_imports ORDER BY seq',
    );
    return rows;
  }

  async forgetMember(member: string): Promise<number> {
    return (await query(this.pool, 'DELETE FROM feedback WHERE member = $1', [member])).rowCount ?? 0;
  }
}
