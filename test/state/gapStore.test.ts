import assert from 'node:assert/strict';
import { contractTest, type StateBackend } from '../helpers/stateBackends.js';

/** A state whose clock moves a minute on every reading from 12:00, once open. */
async function memoryState(t: { after(fn: () => Promise<void>): void }, backend: StateBackend) {
  let minute = 0;
  const state = await backend.open(t, () => new Date(Date.UTC(2024, 4, 1, 12, minute++)));
  minute = 0;
  return state;
}

const where = { channelId: 'c1', threadId: null };
const DAY = 24 * 60 * 60 * 1000;

contractTest(
  'unanswered questions are grouped by key: latest spelling, asks, members, subscribers, first and last',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    const a = await gaps.recordUnanswered({
      groupKey: 'capital australia',
      query: 'capital of Australia?',
      member: 'ha',
    });
    await gaps.recordUnanswered({ groupKey: 'nauseda', query: 'Who is Nausėda?', member: 'hb' });
    await gaps.recordUnanswered({
      groupKey: 'capital australia',
      query: 'Capital of australia',
      member: 'hb',
    });
    await gaps.recordUnanswered({
      groupKey: 'capital australia',
      query: 'What is the capital of Australia',
      member: 'ha',
    });
    await gaps.subscribe({ questionId: a, member: 'ha', memberId: '111', ...where });
    const groups = await gaps.groups();
    assert.deepEqual(groups, [
      {
        groupKey: 'capital australia',
        query: 'What is the capital of Australia',
        asks: 3,
        members: 2,
        subscribers: 1,
        firstAsked: '2024-05-01T12:00:00.000Z',
        lastAsked: '2024-05-01T12:03:00.000Z',
      },
      {
        groupKey: 'nauseda',
        query: 'Who is Nausėda?',
        asks: 1,
        members: 1,
        subscribers: 0,
        firstAsked: '2024-05-01T12:01:00.000Z',
        lastAsked: '2024-05-01T12:01:00.000Z',
      },
    ]);
    assert.deepEqual(
      (await gaps.pending()).map((q) => q.query),
      [
        'capital of Australia?',
        'Who is Nausėda?',
        'Capital of australia',
        'What is the capital of Australia',
      ],
    );
  },
);

contractTest(
  'subscribing twice is once; an answered or unknown question cannot be subscribed to',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    const id = await gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'ha' });
    const first = await gaps.subscribe({
      questionId: id,
      member: 'ha',
      memberId: '111',
      channelId: 'c',
      threadId: 't',
    });
    assert.equal(first.outcome, 'subscribed');
    assert.ok('subscription' in first);
    assert.deepEqual(
      { ...first.subscription, subscribedAt: undefined },
      {
        id: first.subscription.id,
        questionId: id,
        groupKey: 'g',
        query: 'Q?',
        member: 'ha',
        memberId: '111',
        channelId: 'c',
        threadId: 't',
        subscribedAt: undefined,
        notifiedAt: null,
      },
    );
    const second = await gaps.subscribe({ questionId: id, member: 'ha', memberId: '111', ...where });
    assert.equal(second.outcome, 'already_subscribed');
    assert.equal((await gaps.groups())[0]?.subscribers, 1);
    await gaps.markAnswered([id]);
    assert.deepEqual(await gaps.subscribe({ questionId: id, member: 'hb', memberId: '222', ...where }), {
      outcome: 'answered',
    });
    assert.deepEqual(await gaps.subscribe({ questionId: 999, member: 'hb', memberId: '222', ...where }), {
      outcome: 'unknown',
    });
  },
);

contractTest('pendingQuestion finds one question by id only while it is pending', async (t, backend) => {
  const { gaps } = await memoryState(t, backend);
  const id = await gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'ha' });
  assert.deepEqual(
    { ...(await gaps.pendingQuestion(id)), askedAt: undefined },
    { id, groupKey: 'g', query: 'Q?', member: 'ha', askedAt: undefined, answeredAt: null },
  );
  assert.equal(await gaps.pendingQuestion(id + 1), undefined);
  await gaps.markAnswered([id]);
  assert.equal(await gaps.pendingQuestion(id), undefined);
});

contractTest(
  'answered questions leave pending and groups; each waiting member is told once per question',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    // Alice asked twice in two spellings and subscribed both times; Bob once; Carol asked something else.
    const a1 = await gaps.recordUnanswered({ groupKey: 'g', query: 'Q one?', member: 'ha' });
    const a2 = await gaps.recordUnanswered({ groupKey: 'g', query: 'Q, one', member: 'ha' });
    const b = await gaps.recordUnanswered({ groupKey: 'g', query: 'q one', member: 'hb' });
    const c = await gaps.recordUnanswered({ groupKey: 'other', query: 'Other?', member: 'hc' });
    for (const [questionId, member, memberId] of [
      [a1, 'ha', '111'],
      [a2, 'ha', '111'],
      [b, 'hb', '222'],
      [c, 'hc', '333'],
    ] as const)
      await gaps.subscribe({ questionId, member, memberId, ...where });

    const toTell = await gaps.markAnswered([a1, a2, b]);
    assert.deepEqual(
      toTell.map((s) => [s.member, s.memberId, s.questionId]),
      [
        ['ha', '111', a1],
        ['hb', '222', b],
      ],
      'one subscription per member and group',
    );
    assert.deepEqual(
      (await gaps.pending()).map((q) => q.id),
      [c],
    );
    assert.deepEqual(
      (await gaps.groups()).map((g) => g.groupKey),
      ['other'],
    );

    const told: string[] = [];
    // Two replicas going through the same list: only one claim per member succeeds.
    for (const replica of [1, 2])
      for (const s of [...toTell, ...(await gaps.unnotified())])
        if (await gaps.claimNotification(s.id)) told.push(`${replica}:${s.memberId}`);
    assert.deepEqual(told, ['1:111', '1:222']);
    assert.deepEqual(await gaps.unnotified(), [], "Alice's second subscription went with the first");
    assert.deepEqual(await gaps.markAnswered([a1]), [], 'answering again tells no one again');
  },
);

contractTest(
  'a member told about a group is not told again when another wording of it is answered later',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    const first = await gaps.recordUnanswered({ groupKey: 'g', query: 'Who won?', member: 'ha' });
    const later = await gaps.recordUnanswered({ groupKey: 'g', query: 'who won', member: 'ha' });
    for (const questionId of [first, later])
      await gaps.subscribe({ questionId, member: 'ha', memberId: '111', ...where });
    const [s] = await gaps.markAnswered([first]);
    assert.ok(s);
    assert.equal(await gaps.claimNotification(s.id), true);
    assert.deepEqual(await gaps.markAnswered([later]), [], 'told once for the group');
    assert.deepEqual(await gaps.unnotified(), []);
  },
);

contractTest('the raw member id is dropped once the member is told', async (t, backend) => {
  const state = await memoryState(t, backend);
  const id = await state.gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'ha' });
  await state.gaps.subscribe({ questionId: id, member: 'ha', memberId: '111', ...where });
  const [s] = await state.gaps.markAnswered([id]);
  assert.ok(s);
  assert.equal(await state.gaps.claimNotification(s.id), true);
  const rows = await backend.rows(
    state,
    'SELECT member_id, notified_at FROM gap_subscriptions WHERE id = ?',
    s.id,
  );
  assert.deepEqual(rows, [{ member_id: null, notified_at: '2024-05-01T12:03:00.000Z' }]);
});

contractTest('a crash after answering leaves the members to tell in unnotified()', async (t, backend) => {
  const { gaps } = await memoryState(t, backend);
  const id = await gaps.recordUnanswered({ groupKey: 'g', query: 'Q?', member: 'ha' });
  await gaps.subscribe({ questionId: id, member: 'ha', memberId: '111', ...where });
  await gaps.markAnswered([id]);
  const [left] = await gaps.unnotified();
  assert.equal(left?.memberId, '111');
  assert.equal(await gaps.claimNotification(left.id), true);
  assert.equal(await gaps.claimNotification(left.id), false);
});

contractTest(
  "forget-me removes the member's questions and subscriptions everywhere, by hash or raw id",
  async (t, backend) => {
    const state = await memoryState(t, backend);
    const { gaps } = state;
    const own = await gaps.recordUnanswered({ groupKey: 'g', query: 'Mine?', member: 'ha' });
    const other = await gaps.recordUnanswered({ groupKey: 'h', query: 'Theirs?', member: 'hb' });
    await gaps.subscribe({ questionId: own, member: 'ha', memberId: '111', ...where });
    await gaps.subscribe({ questionId: other, member: 'hb', memberId: '222', ...where });
    // Subscribed under an older salt: only the raw id finds it.
    await gaps.subscribe({ questionId: other, member: 'old-hash', memberId: '111', ...where });
    await gaps.claimMention('ha', DAY);
    await gaps.claimMention('hb', DAY);
    await state.feedback.append({
      time: 't',
      kind: 'not_found',
      query: 'Mine?',
      key: null,
      passageIds: [],
      member: 'ha',
    });

    assert.deepEqual(await gaps.forgetMember({ member: 'ha', memberId: '111' }), {
      questions: 1,
      subscriptions: 2,
    });
    assert.equal(await state.feedback.forgetMember('ha'), 1);
    assert.deepEqual(
      (await gaps.pending()).map((q) => q.member),
      ['hb'],
    );
    const left = await backend.rows(state, 'SELECT member, member_id FROM gap_subscriptions');
    assert.deepEqual(left, [{ member: 'hb', member_id: '222' }]);
    assert.equal(await state.feedback.count(), 0);
    assert.deepEqual(await backend.rows(state, 'SELECT member FROM gap_mentions'), [{ member: 'hb' }]);
    assert.deepEqual(await gaps.forgetMember({ member: 'ha', memberId: '111' }), {
      questions: 0,
      subscriptions: 0,
    });
  },
);

contractTest(
  'asked lists every question kept, answered since or not, oldest first: the misses npm run feedback counts',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    const first = await gaps.recordUnanswered({ groupKey: 'g', query: 'First?', member: 'ha' });
    await gaps.recordUnanswered({ groupKey: 'h', query: 'Second?', member: 'hb' });
    await gaps.markAnswered([first]);
    assert.deepEqual(
      (await gaps.asked()).map((q) => [q.query, q.member, q.askedAt, q.answeredAt !== null]),
      [
        ['First?', 'ha', '2024-05-01T12:00:00.000Z', true],
        ['Second?', 'hb', '2024-05-01T12:01:00.000Z', false],
      ],
    );
    assert.deepEqual(
      (await gaps.pending()).map((q) => q.query),
      ['Second?'],
    );
  },
);

contractTest(
  'a released claim waits again with its raw id; the group wordings claimed with it stay claimed',
  async (t, backend) => {
    const state = await memoryState(t, backend);
    const { gaps } = state;
    const first = await gaps.recordUnanswered({ groupKey: 'g', query: 'Who won?', member: 'ha' });
    const later = await gaps.recordUnanswered({ groupKey: 'g', query: 'who won', member: 'ha' });
    for (const questionId of [first, later])
      await gaps.subscribe({ questionId, member: 'ha', memberId: '111', ...where });
    const [s] = await gaps.markAnswered([first, later]);
    assert.ok(s);
    assert.equal(await gaps.claimNotification(s.id), true);
    await gaps.releaseNotification(s.id, '111');
    assert.deepEqual(
      (await gaps.unnotified()).map((u) => [u.id, u.memberId]),
      [[s.id, '111']],
    );
    assert.equal(await gaps.claimNotification(s.id), true, 'claimable once more');
    assert.equal(await gaps.claimNotification(s.id), false);
    assert.deepEqual(await gaps.unnotified(), []);
  },
);

contractTest(
  'a member is mentioned at most once an interval, across callers; the mention standing is returned',
  async (t, backend) => {
    const { gaps } = await memoryState(t, backend);
    const at = (hour: number) => new Date(Date.UTC(2024, 4, 1, hour));
    assert.deepEqual(await gaps.claimMention('ha', DAY, at(8)), {
      claimed: true,
      mentionedAt: at(8).toISOString(),
    });
    // Another replica, the same day: refused, told when the standing mention was.
    assert.deepEqual(await gaps.claimMention('ha', DAY, at(20)), {
      claimed: false,
      mentionedAt: at(8).toISOString(),
    });
    assert.equal((await gaps.claimMention('hb', DAY, at(20))).claimed, true, 'another member is not held');
    assert.deepEqual(await gaps.claimMention('ha', DAY, at(32)), {
      claimed: true,
      mentionedAt: at(32).toISOString(),
    });
    assert.equal((await gaps.claimMention('ha', DAY, at(33))).claimed, false);
  },
);
