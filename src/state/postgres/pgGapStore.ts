import type pg from 'pg';
import type {
  GapGroup,
  GapStore,
  GapSubscription,
  SubscribeRequest,
  SubscribeResult,
  UnansweredQuestion,
} from '../gapStore.js';
import { FIRST_PER_MEMBER_AND_GROUP, QUESTION, SUBSCRIPTION } from '../selects.js';
import { query, transaction } from './pgPool.js';

/**
 * Transactions that read before they write lock a member's rows first (pg_advisory_xact_lock on the
 * member's hash), so two replicas claiming for one member run one after the other.
 */
const lockMember = (client: pg.PoolClient, member: string) =>
  client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gap-member:${member}`]);

export class PgGapStore implements GapStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  #at(at?: Date): string {
    return (at ?? this.now()).toISOString();
  }

  async recordUnanswered(
    question: { groupKey: string; query: string; member: string },
    at?: Date,
  ): Promise<number> {
    const { rows } = await query<{ id: number }>(
      this.pool,
      'INSERT INTO gap_questions (group_key, query, member, asked_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [question.groupKey, question.query, question.member, this.#at(at)],
    );
    return rows[0]?.id as number;
  }

  async subscribe(request: SubscribeRequest, at?: Date): Promise<SubscribeResult> {
    return transaction(this.pool, async (client) => {
      const { rows } = await client.query<{ answered_at: string | null }>(
        'SELECT answered_at FROM gap_questions WHERE id = $1 FOR SHARE',
        [request.questionId],
      );
      const question = rows[0];
      if (!question) return { outcome: 'unknown' };
      if (question.answered_at !== null) return { outcome: 'answered' };
      const { rowCount } = await client.query(
        `INSERT INTO gap_subscriptions (question_id, member, member_id, channel_id, thread_id, subscribed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (question_id, member) DO NOTHING`,
        [
          request.questionId,
          request.member,
          request.memberId,
          request.channelId,
          request.threadId,
          this.#at(at),
        ],
      );
      const subscription = (
        await client.query<GapSubscription>(`${SUBSCRIPTION} WHERE s.question_id = $1 AND s.member = $2`, [
          request.questionId,
          request.member,
        ])
      ).rows[0] as GapSubscription;
      return { outcome: rowCount === 1 ? 'subscribed' : 'already_subscribed', subscription };
    });
  }

  async pending(): Promise<UnansweredQuestion[]> {
    return (
      await query<UnansweredQuestion>(
        this.pool,
        `${QUESTION} WHERE answered_at IS NULL ORDER BY asked_at, id`,
      )
    ).rows;
  }

  async asked(): Promise<UnansweredQuestion[]> {
    return (await query<UnansweredQuestion>(this.pool, `${QUESTION} ORDER BY asked_at, id`)).rows;
  }

  async pendingQuestion(id: number): Promise<UnansweredQuestion | undefined> {
    return (
      await query<UnansweredQuestion>(this.pool, `${QUESTION} WHERE id = $1 AND answered_at IS NULL`, [id])
    ).rows[0];
  }

  async groups(): Promise<GapGroup[]> {
    const { rows } = await query<GapGroup>(
      this.pool,
      `SELECT q.group_key AS "groupKey",
         (SELECT q2.query FROM gap_questions q2 WHERE q2.group_key = q.group_key AND q2.answered_at IS NULL
           ORDER BY q2.asked_at DESC, q2.id DESC LIMIT 1) AS query,
         COUNT(*) AS asks, COUNT(DISTINCT q.member) AS members,
         (SELECT COUNT(DISTINCT s.member) FROM gap_subscriptions s JOIN gap_questions q3 ON q3.id = s.question_id
           WHERE q3.group_key = q.group_key AND q3.answered_at IS NULL) AS subscribers,
         MIN(q.asked_at) AS "firstAsked", MAX(q.asked_at) AS "lastAsked"
       FROM gap_questions q WHERE q.answered_at IS NULL
       GROUP BY q.group_key ORDER BY members DESC, "lastAsked" DESC, q.group_key COLLATE "C"`,
    );
    return rows;
  }

  async markAnswered(questionIds: readonly number[], at?: Date): Promise<GapSubscription[]> {
    return transaction(this.pool, async (client) => {
      const { rows: groups } = await client.query<{ group_key: string }>(
        `WITH marked AS (
           UPDATE gap_questions SET answered_at = $1 WHERE id = ANY($2::bigint[]) AND answered_at IS NULL
         )
         SELECT DISTINCT group_key FROM gap_questions WHERE id = ANY($2::bigint[])`,
        [this.#at(at), [...questionIds]],
      );
      const waiting: GapSubscription[] = [];
      for (const { group_key } of groups) {
        const { rows } = await client.query<GapSubscription>(
          `${SUBSCRIPTION} WHERE q.group_key = $1 AND s.notified_at IS NULL AND q.answered_at IS NOT NULL
             AND ${FIRST_PER_MEMBER_AND_GROUP}`,
          [group_key],
        );
        waiting.push(...rows);
      }
      return waiting.sort((a, b) => a.id - b.id);
    });
  }

  async claimNotification(subscriptionId: number, at?: Date): Promise<boolean> {
    const when = this.#at(at);
    return transaction(this.pool, async (client) => {
      const member = (
        await client.query<{ member: string }>('SELECT member FROM gap_subscriptions WHERE id = $1', [
          subscriptionId,
        ])
      ).rows[0]?.member;
      if (member === undefined) return false;
      await lockMember(client, member);
      const target = (
        await client.query<GapSubscription>(`${SUBSCRIPTION} WHERE s.id = $1 AND s.notified_at IS NULL`, [
          subscriptionId,
        ])
      ).rows[0];
      if (!target) return false;
      // Every wording of the group the member waits on, answered yet or not: told once a group.
      await client.query(
        `UPDATE gap_subscriptions SET notified_at = $1, member_id = NULL
         WHERE (id = $2 OR (member = $3 AND question_id IN (SELECT id FROM gap_questions WHERE group_key = $4)))
           AND notified_at IS NULL`,
        [when, subscriptionId, target.member, target.groupKey],
      );
      return true;
    });
  }

  async releaseNotification(subscriptionId: number, memberId: string): Promise<void> {
    // Only the target: the member's other wordings of its group stay claimed, told with it later.
    await query(
      this.pool,
      'UPDATE gap_subscriptions SET notified_at = NULL, member_id = $1 WHERE id = $2 AND notified_at IS NOT NULL',
      [memberId, subscriptionId],
    );
  }

  async unnotified(): Promise<GapSubscription[]> {
    const { rows } = await query<GapSubscription>(
      this.pool,
      `${SUBSCRIPTION} WHERE s.notified_at IS NULL AND q.answered_at IS NOT NULL AND ${FIRST_PER_MEMBER_AND_GROUP}
       ORDER BY s.id`,
    );
    return rows;
  }

  async claimMention(
    member: string,
    intervalMs: number,
    at?: Date,
  ): Promise<{ claimed: boolean; mentionedAt: string }> {
    const when = at ?? this.now();
    const before = new Date(when.getTime() - intervalMs).toISOString();
    return transaction(this.pool, async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO gap_mentions (member, mentioned_at) VALUES ($1, $2)
         ON CONFLICT (member) DO UPDATE SET mentioned_at = excluded.mentioned_at
         WHERE gap_mentions.mentioned_at <= $3`,
        [member, when.toISOString(), before],
      );
      const { rows } = await client.query<{ mentioned_at: string }>(
        'SELECT mentioned_at FROM gap_mentions WHERE member = $1',
        [member],
      );
      return { claimed: rowCount === 1, mentionedAt: rows[0]?.mentioned_at as string };
    });
  }

  async forgetMember(member: {
    member: string;
    memberId: string;
  }): Promise<{ questions: number; subscriptions: number }> {
    return transaction(this.pool, async (client) => {
      const subscriptions =
        (
          await client.query('DELETE FROM gap_subscriptions WHERE member = $1 OR member_id = $2', [
            member.member,
            member.memberId,
          ])
        ).rowCount ?? 0;
      const questions =
        (await client.query('DELETE FROM gap_questions WHERE member = $1', [member.member])).rowCount ?? 0;
      await client.query('DELETE FROM gap_mentions WHERE member = $1', [member.member]);
      return { questions, subscriptions };
    });
  }
}
