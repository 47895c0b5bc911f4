/**
 * The SELECTs both engines run as they are: the rows come out in the stores' field names (aliases are
 * quoted, which SQLite and PostgreSQL read alike).
 */

export const FEED = `SELECT id, url, name, etag, last_modified AS "lastModified", failures, retry_at AS "retryAt",
    last_error AS "lastError", last_polled_at AS "lastPolledAt", added_at AS "addedAt", added_by AS "addedBy",
    paused_at AS "pausedAt", pause_reason AS "pauseReason"
  FROM feeds`;

export const QUESTION = `SELECT id, group_key AS "groupKey", query, member, asked_at AS "askedAt", answered_at AS "answeredAt"
  FROM gap_questions`;

export const SUBSCRIPTION = `SELECT s.id, s.question_id AS "questionId", q.group_key AS "groupKey", q.query, s.member,
    s.member_id AS "memberId", s.channel_id AS "channelId", s.thread_id AS "threadId",
    s.subscribed_at AS "subscribedAt", s.notified_at AS "notifiedAt"
  FROM gap_subscriptions s JOIN gap_questions q ON q.id = s.question_id`;

/** One subscription per member and group: the lowest id stands for the others. */
export const FIRST_PER_MEMBER_AND_GROUP = `s.id = (SELECT MIN(s2.id) FROM gap_subscriptions s2
    JOIN gap_questions q2 ON q2.id = s2.question_id
    WHERE s2.member = s.member AND q2.group_key = q.group_key AND s2.notified_at IS NULL
      AND q2.answered_at IS NOT NULL)`;

/** A review item's columns (the preview as stored: JSON text in SQLite, jsonb in PostgreSQL). */
export const REVIEW_COLUMNS = `id, feed_id AS "feedId", item_key AS "itemKey", url, preview, channel_id AS "channelId",
  message_id AS "messageId", status, decided_by AS "decidedBy", decided_at AS "decidedAt",
  applied_at AS "appliedAt", created_at AS "createdAt"`;

export const REVIEW_ITEM = `SELECT ${REVIEW_COLUMNS} FROM review_items`;
