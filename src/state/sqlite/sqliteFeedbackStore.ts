import type { Database } from 'better-sqlite3';
import type { FeedbackImport, FeedbackRecord, FeedbackStore } from '../feedbackStore.js';

interface Row {
  time: string;
  kind: FeedbackRecord['kind'];
  query: string | null;
  key: string | null;
  passage_ids: string;
  vote: 'up' | 'down' | null;
  reason: string | null;
  member: string;
}

/** A row as the record it was: `vote` on votes, `reason` on flags (and wherever one was given). */
function toRecord(row: Row): FeedbackRecord {
  return {
    time: row.time,
    kind: row.kind,
    query: row.query,
    key: row.key,
    passageIds: JSON.parse(row.passage_ids) as string[],
    ...(row.vote === null ? {} : { vote: row.vote }),
    ...(row.kind === 'flag' || row.reason !== null ? { reason: row.reason } : {}),
    member: row.member,
  };
}

const params = (r: FeedbackRecord) => ({
  time: r.time,
  kind: r.kind,
  query: r.query,
  key: r.key,
  passage_ids: JSON.stringify(r.passageIds),
  vote: r.vote ?? null,
  reason: r.reason ?? null,
  member: r.member,
});

export class SqliteFeedbackStore implements FeedbackStore {
  readonly #insert;
  readonly #importFile;

  constructor(private readonly db: Database) {
    this.#insert = db.prepare(
      `INSERT INTO feedback (time, kind, query, key, passage_ids, vote, reason, member)
       VALUES (@time, @kind, @query, @key, @passage_ids, @vote, @reason, @member)`,
    );
    const known = db.prepare('SELECT 1 FROM feedback_imports WHERE digest = ?');
    const describe = db.prepare(
      `INSERT INTO feedback_imports (digest, file, records, skipped, imported_at)
       VALUES (@digest, @file, @records, @skipped, @importedAt)`,
    );
    this.#importFile = db.transaction((description: FeedbackImport, records: readonly FeedbackRecord[]) => {
      if (known.get(description.digest)) return false;
      for (const r of records) this.#insert.run(params(r));
      describe.run(description);
      return true;
    });
  }

  async append(record: FeedbackRecord): Promise<void> {
    this.#insert.run(params(record));
  }

  async list(): Promise<FeedbackRecord[]> {
    return (this.db.prepare('SELECT * FROM feedback ORDER BY id').all() as Row[]).map(toRecord);
  }

  async count(): Promise<number> {
    return this.db.prepare('SELECT COUNT(*) FROM feedback').pluck().get() as number;
  }

  async importFile(description: FeedbackImport, records: readonly FeedbackRecord[]): Promise<boolean> {
    return this.#importFile.immediate(description, records);
  }

  async imports(): Promise<FeedbackImport[]> {
    return this.db
      .prepare(
        'SELECT file, digest, records, skipped, imported_at AS importedAt FROM feedback_imports ORDER BY rowid',
      )
      .all() as FeedbackImport[];
  }

  async forgetMember(member: string): Promise<number> {
    return this.db.prepare('DELETE FROM feedback WHERE member = ?').run(member).changes;
  }
}
