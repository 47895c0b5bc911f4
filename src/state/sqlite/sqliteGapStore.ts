import type { Database } from 'better-sqlite3';
import type {
  GapGroup,
  GapStore,
  GapSubscription,
  SubscribeRequest,
  SubscribeResult,
  UnansweredQuestion,
} from '../gapStore.js';
import { FIRST_PER_MEMBER_AND_GROUP, QUESTION, SUBSCRIPTION } from '../selects.js';

export class SqliteGapStore implements GapStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  async recordUnanswered(
    question: { groupKey: string; query: string; member: string },
    at?: Date,
  ): Promise<number> {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO gap_questions (group_key, query, member, asked_at) VALUES (?, ?, ?, ?)')
      .run(question.groupKey, question.query, question.member, this.#at(at));
    return Number(lastInsertRowid);
  }

  async subscribe(request: SubscribeRequest, at?: Date): Promise<SubscribeResult> {
    const run = this.db.transaction((): SubscribeResult => {
      const question = this.db
        .prepare('SELECT answered_at FROM gap_questions WHERE id = ?')
        .get(request.questionId) as { answered_at: string | null } | undefined;
      if (!question) return { outcome: 'unknown' };
      if (question.answered_at !== null) return { outcome: 'answered' };
      const { changes } = this.db
        .prepare(
          `INSERT INTO gap_subscriptions (question_id, member, member_id, channel_id, thread_id, subscribed_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (question_id, member) DO NOTHING`,
        )
        .run(
          request.questionId,
          request.member,
          request.memberId,
          request.channelId,
          request.threadId,
          this.#at(at),
        );
      const subscription = this.db
        .prepare(`${SUBSCRIPTION} WHERE s.question_id = ? AND s.member = ?`)
        .get(request.questionId, request.member) as GapSubscription;
      return { outcome: changes === 1 ? 'subscribed' : 'already_subscribed', subscription };
    });
    return run.immediate();
  }

  async pending(): Promise<UnansweredQuestion[]> {
    return this.db
      .prepare(`${QUESTION} WHERE answered_at IS NULL ORDER BY asked_at, id`)
      .all() as UnansweredQuestion[];
  }

  async asked(): Promise<UnansweredQuestion[]> {
    return this.db.prepare(`${QUESTION} ORDER BY asked_at, id`).all() as UnansweredQuestion[];
  }

  async pendingQuestion(id: number): Promise<UnansweredQuestion | undefined> {
    return this.db.prepare(`${QUESTION} WHERE id = ? AND answered_at IS NULL`).get(id) as
      | UnansweredQuestion
      | undefined;
  }

  async groups(): Promise<GapGroup[]> {
    return this.db
      .prepare(
        `SELECT q.group_key AS groupKey,
           (SELECT q2.query FROM gap_questions q2 WHERE q2.group_key = q.group_key AND q2.answered_at IS NULL
             ORDER BY q2.asked_at DESC, q2.id DESC LIMIT 1) AS query,
           COUNT(*) AS asks, COUNT(DISTINCT q.member) AS members,
           (SELECT COUNT(DISTINCT s.member) FROM gap_subscriptions s JOIN gap_questions q3 ON q3.id = s.question_id
             WHERE q3.group_key = q.group_key AND q3.answered_at IS NULL) AS subscribers,
           MIN(q.asked_at) AS firstAsked, MAX(q.asked_at) AS lastAsked
         FROM gap_questions q WHERE q.answered_at IS NULL
         GROUP BY q.group_key ORDER BY members DESC, lastAsked DESC, groupKey`,
      )
      .all() as GapGroup[];
  }

  async markAnswered(questionIds: readonly number[], at?: Date): Promise<GapSubscription[]> {
    const when = this.#at(at);
    const run = this.db.transaction((ids: readonly number[]) => {
      const mark = this.db.prepare(
        'UPDATE gap_questions SET answered_at = ? WHERE id = ? AND answered_at IS NULL',
      );
      for (const id of ids) mark.run(when, id);
      const groupOf = this.db.prepare('SELECT group_key FROM gap_questions WHERE id = ?').pluck();
      const groups = new Set(ids.map((id) => groupOf.get(id) as string | undefined));
      const waiting = this.db.prepare(
        `${SUBSCRIPTION} WHERE q.group_key = ? AND s.notified_at IS NULL AND q.answered_at IS NOT NULL
           AND ${FIRST_PER_MEMBER_AND_GROUP}`,
      );
      return [...groups]
        .flatMap((group) => (group === undefined ? [] : (waiting.all(group) as GapSubscription[])))
        .sort((a, b) => a.id - b.id);
    });
    return run.immediate(questionIds);
  }

  async claimNotification(subscriptionId: number, at?: Date): Promise<boolean> {
    const when = this.#at(at);
    const run = this.db.transaction((): boolean => {
      const target = this.db
        .prepare(`${SUBSCRIPTION} WHERE s.id = ? AND s.notified_at IS NULL`)
        .get(subscriptionId) as GapSubscription | undefined;
      if (!target) return false;
      this.db
        .prepare(
          // Every wording of the group the member waits on, answered yet or not: told once a group.
          `UPDATE gap_subscriptions SET notified_at = ?, member_id = NULL
           WHERE member = ? AND notified_at IS NULL
             AND question_id IN (SELECT id FROM gap_questions WHERE group_key = ?)`,
        )
        .run(when, target.member, target.groupKey);
      // The target itself, even should its question be pending again (never, today).
      this.db
        .prepare(
          'UPDATE gap_subscriptions SET notified_at = ?, member_id = NULL WHERE id = ? AND notified_at IS NULL',
        )
        .run(when, subscriptionId);
      return true;
    });
    return run.immediate();
  }

  async releaseNotification(subscriptionId: number, memberId: string): Promise<void> {
    // Only the target: the member's other wordings of its group stay claimed, told with it later.
    this.db
      .prepare(
        'UPDATE gap_subscriptions SET notified_at = NULL, member_id = ? WHERE id = ? AND notified_at IS NOT NULL',
      )
      .run(memberId, subscriptionId);
  }

  async unnotified(): Promise<GapSubscription[]> {
    return this.db
      .prepare(
        `${SUBSCRIPTION} WHERE s.notified_at IS NULL AND q.answered_at IS NOT NULL AND ${FIRST_PER_MEMBER_AND_GROUP}
         ORDER BY s.id`,
      )
      .all() as GapSubscription[];
  }

  async claimMention(
    member: string,
    intervalMs: number,
    at?: Date,
  ): Promise<{ claimed: boolean; mentionedAt: string }> {
    const when = at ?? this.now();
    const before = new Date(when.getTime() - intervalMs).toISOString();
    const run = this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `INSERT INTO gap_mentions (member, mentioned_at) VALUES (?, ?)
           ON CONFLICT (member) DO UPDATE SET mentioned_at = excluded.mentioned_at
           WHERE gap_mentions.mentioned_at <= ?`,
        )
        .run(member, when.toISOString(), before);
      const mentionedAt = this.db
        .prepare('SELECT mentioned_at FROM gap_mentions WHERE member = ?')
        .pluck()
        .get(member) as string;
      return { claimed: changes === 1, mentionedAt };
    });
    return run.immediate();
  }

  async forgetMember(member: {
    member: string;
    memberId: string;
  }): Promise<{ questions: number; subscriptions: number }> {
    const run = this.db.transaction(() => {
      const subscriptions = this.db
        .prepare('DELETE FROM gap_subscriptions WHERE member = ? OR member_id = ?')
        .run(member.member, member.memberId).changes;
      const questions = this.db
        .prepare('DELETE FROM gap_questions WHERE member = ?')
        .run(member.member).changes;
      this.db.prepare('DELETE FROM gap_mentions WHERE member = ?').run(member.member);
      return { questions, subscriptions };
    });
    return run.immediate();
  }
}
