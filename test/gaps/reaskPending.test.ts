import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { MemberNotice, NoticeSender } from '../../src/gaps/memberNotice.js';
import { reaskPending } from '../../src/gaps/reaskPending.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import type { Answer } from '../../src/types.js';
import { citationOf } from '../helpers/citation.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

function memoryGaps(t: { after(fn: () => Promise<void>): void }) {
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  return state.gaps;
}

/** A run's report where no one was told or held. */
const NOTHING_TOLD = { dm: 0, mention: 0, failed: 0, deferred: 0, held: 0, retryAt: null };

/** A fake engine: answers the questions whose text holds one of `known`, and counts what it was asked. */
function fakeEngine(known: string[]) {
  const asked: string[] = [];
  return {
    asked,
    known,
    ask(query: string): Answer {
      asked.push(query);
      const hit = known.find((k) => query.toLowerCase().includes(k));
      return hit
        ? { query, answered: true, outlets: 1, citations: [citationOf(`About ${hit}.`)], suggestions: [] }
        : { query, answered: false, outlets: 0, citations: [], suggestions: [] };
    },
  };
}

type Told = 'dm' | 'mention';

/** A fake Discord: records who was told what, and how (the members in `dmsClosed` get a mention). */
function fakeDiscord(dmsClosed: string[] = [], failing: string[] = []) {
  /** One entry per question told about. */
  const told: { memberId: string; how: Told; query: string; quote: string }[] = [];
  /** One entry per message sent. */
  const notices: { memberId: string; how: Told; queries: string[] }[] = [];
  const record = (how: Told, notice: MemberNotice) => {
    const queries = notice.covered.map((c) => c.subscription.query);
    notices.push({ memberId: notice.memberId, how, queries });
    for (const { subscription, answer } of notice.covered)
      told.push({
        memberId: notice.memberId,
        how,
        query: subscription.query,
        quote: answer.citations[0]?.quote ?? '',
      });
  };
  const send: NoticeSender = {
    async dm(notice) {
      if (failing.includes(notice.memberId)) throw new Error('Discord is down');
      if (dmsClosed.includes(notice.memberId)) return false;
      record('dm', notice);
      return true;
    },
    async mention(notice) {
      record('mention', notice);
    },
  };
  return { told, notices, send };
}

const where = { channelId: 'c1', threadId: null };

test('answered questions leave the queue and each waiting member is told once per group, with the answer', async (t) => {
  const gaps = memoryGaps(t);
  const engine = fakeEngine([]);
  const discord = fakeDiscord(['333']);
  const { logger } = recordingLogger();
  const deps = { gaps, ask: engine.ask, send: discord.send, logger };

  // Alice asks twice in two spellings (subscribing both times), Bob once, Carol once without
  // subscribing, Dan (DMs closed) asks, and Erin asks something the knowledge never covers.
  const asked = async (query: string, member: string, memberId: string | null) => {
    const id = await gaps.recordUnanswered({
      groupKey: query.startsWith('Rain') ? 'other' : 'troops',
      query,
      member,
    });
    if (memberId) await gaps.subscribe({ questionId: id, member, memberId, ...where });
    return id;
  };
  await asked('Did Russia send troops?', 'ha', '111');
  await asked('did russia send troops', 'ha', '111');
  await asked('Russia troops sent?', 'hb', '222');
  await asked('Did Russia send troops', 'hc', null);
  await asked('Russian troops, did they come?', 'hd', '333');
  await asked('Rain in Minsk tomorrow?', 'he', '555');

  const nothingYet = await reaskPending(deps);
  assert.deepEqual(nothingYet, { ...NOTHING_TOLD, asked: 6, answered: 0 });
  assert.equal(discord.told.length, 0);

  engine.known.push('troops');
  engine.asked.length = 0;
  const report = await reaskPending(deps);
  assert.deepEqual(report, { ...NOTHING_TOLD, asked: 6, answered: 5, dm: 2, mention: 1 });
  assert.deepEqual(
    discord.told.map((x) => [x.memberId, x.how, x.quote]),
    [
      ['111', 'dm', 'About troops.'],
      ['222', 'dm', 'About troops.'],
      ['333', 'mention', 'About troops.'],
    ],
  );
  assert.deepEqual(
    (await gaps.pending()).map((q) => q.query),
    ['Rain in Minsk tomorrow?'],
  );
  assert.deepEqual(
    (await gaps.groups()).map((g) => g.groupKey),
    ['other'],
  );
  // Each distinct question was put to the engine once, not once per member.
  assert.equal(engine.asked.length, new Set(engine.asked).size);

  // Another reindex tells no one again.
  const again = await reaskPending(deps);
  assert.deepEqual(again, { ...NOTHING_TOLD, asked: 1, answered: 0 });
  assert.equal(discord.told.length, 3);
});

test('members marked answered but not yet told (a restart in between) are told on the next run, once', async (t) => {
  const gaps = memoryGaps(t);
  const id = await gaps.recordUnanswered({ groupKey: 'g', query: 'troops?', member: 'ha' });
  await gaps.subscribe({ questionId: id, member: 'ha', memberId: '111', ...where });
  // The process stopped between marking and telling.
  await gaps.markAnswered([id]);

  const discord = fakeDiscord();
  const deps = {
    gaps,
    ask: fakeEngine(['troops']).ask,
    send: discord.send,
    logger: recordingLogger().logger,
  };
  // Two runs at once (a restart racing a reindex, or two replicas): one message.
  const [a, b] = await Promise.all([reaskPending(deps), reaskPending(deps)]);
  assert.equal(a.dm + b.dm, 1);
  assert.deepEqual(
    discord.told.map((x) => x.memberId),
    ['111'],
  );
});

test('a delivery that fails after the claim is logged and not retried; a rolled-back answer waits', async (t) => {
  const gaps = memoryGaps(t);
  const down = await gaps.recordUnanswered({ groupKey: 'g', query: 'troops?', member: 'ha' });
  await gaps.subscribe({ questionId: down, member: 'ha', memberId: '111', ...where });
  const { logger, lines } = recordingLogger();
  const failing = fakeDiscord([], ['111']);
  const report = await reaskPending({ gaps, ask: fakeEngine(['troops']).ask, send: failing.send, logger });
  assert.equal(report.failed, 1);
  assert.equal(lines.filter((l) => l.level === 'warn').length, 1);
  assert.equal(lines[0]?.obj.member, 'ha', 'the hashed id is logged, never the raw one');
  const working = fakeDiscord();
  await reaskPending({ gaps, ask: fakeEngine(['troops']).ask, send: working.send, logger });
  assert.equal(working.told.length, 0, 'never told twice, even after a failure');

  // Answered, then the answer is gone before the member was told (a rollback): they wait for it.
  const later = await gaps.recordUnanswered({ groupKey: 'h', query: 'rain?', member: 'hb' });
  await gaps.subscribe({ questionId: later, member: 'hb', memberId: '222', ...where });
  await gaps.markAnswered([later]);
  const none = await reaskPending({ gaps, ask: fakeEngine([]).ask, send: working.send, logger });
  assert.equal(none.deferred, 1);
  assert.equal(working.told.length, 0);
  const back = await reaskPending({ gaps, ask: fakeEngine(['rain']).ask, send: working.send, logger });
  assert.equal(back.dm, 1);
  assert.deepEqual(
    working.told.map((x) => x.memberId),
    ['222'],
  );
});

const HOUR = 60 * 60 * 1000;
const MORNING = Date.UTC(2024, 4, 1, 8);

/** A state in memory whose clock the test moves. */
function clockedGaps(t: { after(fn: () => Promise<void>): void }) {
  const clock = { now: MORNING };
  const state = SqliteState.open({ path: MEMORY, now: () => new Date(clock.now) });
  t.after(() => state.close());
  return { gaps: state.gaps, clock };
}

/** Member `member` asks `count` different questions about `topic` and asks to be told of each. */
async function subscribeMany(
  gaps: SqliteState['gaps'],
  member: string,
  memberId: string,
  topic: string,
  count: number,
) {
  for (let i = 1; i <= count; i++) {
    const query = `${topic} question ${i}?`;
    const questionId = await gaps.recordUnanswered({ groupKey: `${topic}-${i}`, query, member });
    await gaps.subscribe({ questionId, member, memberId, ...where });
  }
}

/** What a run needs, the engine answering questions about troops unless another is given. */
function runDeps(
  gaps: SqliteState['gaps'],
  discord: { send: NoticeSender },
  engine = fakeEngine(['troops']),
) {
  return { gaps, ask: engine.ask, send: discord.send, logger: recordingLogger().logger };
}

/** Alice (DMs closed) waiting on `count` questions about troops, which the engine answers. */
async function dmsClosedMember(t: { after(fn: () => Promise<void>): void }, count: number) {
  const { gaps, clock } = clockedGaps(t);
  await subscribeMany(gaps, 'ha', '111', 'troops', count);
  const closed = ['111'];
  const discord = fakeDiscord(closed);
  const engine = fakeEngine(['troops']);
  return { gaps, clock, closed, discord, engine, deps: runDeps(gaps, discord, engine) };
}

test('25 questions of one member answered by one reindex: one DM listing them all; two members: one each', async (t) => {
  const { gaps } = clockedGaps(t);
  await subscribeMany(gaps, 'ha', '111', 'troops', 25);
  await subscribeMany(gaps, 'hb', '222', 'troops', 2);
  const discord = fakeDiscord();
  const deps = runDeps(gaps, discord);

  const report = await reaskPending(deps);
  assert.deepEqual(
    { answered: report.answered, dm: report.dm, mention: report.mention, held: report.held },
    { answered: 27, dm: 2, mention: 0, held: 0 },
  );
  assert.deepEqual(
    discord.notices.map((n) => [n.memberId, n.how, n.queries.length]),
    [
      ['111', 'dm', 25],
      ['222', 'dm', 2],
    ],
  );
  assert.equal(discord.notices[0]?.queries[24], 'troops question 25?', 'in the order they asked');
  assert.equal(discord.told.length, 27, 'each question told once');
  await reaskPending(deps);
  assert.equal(discord.notices.length, 2, 'another reindex sends nothing');
});

test('with DMs closed: one mention a day, the questions covered later held (not lost) and told in the next', async (t) => {
  const { gaps, clock, discord, engine, deps } = await dmsClosedMember(t, 25);

  const first = await reaskPending(deps);
  assert.deepEqual([first.dm, first.mention, first.held, first.retryAt], [0, 1, 0, null]);
  assert.deepEqual(
    discord.notices.map((n) => [n.how, n.queries.length]),
    [['mention', 25]],
  );

  // The same day another reindex covers three more of her questions: no second mention.
  clock.now = MORNING + 6 * HOUR;
  await subscribeMany(gaps, 'ha', '111', 'strike', 3);
  engine.known.push('strike');
  const second = await reaskPending(deps);
  assert.deepEqual([second.answered, second.mention, second.held], [3, 0, 3]);
  assert.equal(
    second.retryAt,
    new Date(MORNING + 24 * HOUR).toISOString(),
    'when she may be mentioned again',
  );
  assert.equal(discord.notices.length, 1);
  assert.equal((await gaps.unnotified()).length, 3, 'still waiting, with her id kept to tell her');
  const again = await reaskPending(deps);
  assert.deepEqual([again.mention, again.held], [0, 3]);

  // A day after the mention, the run scheduled for then mentions her once, for all three.
  clock.now = MORNING + 24 * HOUR;
  const next = await reaskPending(deps);
  assert.deepEqual([next.mention, next.held, next.retryAt], [1, 0, null]);
  assert.deepEqual(
    discord.notices.map((n) => [n.how, n.queries.length]),
    [
      ['mention', 25],
      ['mention', 3],
    ],
  );
  assert.deepEqual(await gaps.unnotified(), []);
});

test('a held member whose DMs open again is told by DM at the next run, without waiting for the day', async (t) => {
  const { gaps, clock, closed, discord, engine, deps } = await dmsClosedMember(t, 1);
  await reaskPending(deps);
  await subscribeMany(gaps, 'ha', '111', 'strike', 2);
  engine.known.push('strike');
  clock.now += HOUR;
  assert.equal((await reaskPending(deps)).held, 2);
  closed.length = 0;
  const opened = await reaskPending(deps);
  assert.deepEqual([opened.dm, opened.held], [1, 0]);
  assert.deepEqual(
    discord.notices.map((n) => [n.how, n.queries]),
    [
      ['mention', ['troops question 1?']],
      ['dm', ['strike question 1?', 'strike question 2?']],
    ],
  );
});

test('a restart in the middle of a run sends nothing twice: the next run tells only those not reached', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'crisis-desk-reask-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'state.db');
  const before = SqliteState.open({ path });
  for (const [member, memberId] of [
    ['ha', '111'],
    ['hb', '222'],
    ['hc', '333'],
  ] as const)
    await subscribeMany(before.gaps, member, memberId, 'troops', 3);

  // The process dies while sending to the second member: their claims are taken, the send never ends.
  const dying = fakeDiscord();
  const hangsOnBob: NoticeSender = {
    dm: (notice) => (notice.memberId === '222' ? new Promise<boolean>(() => {}) : dying.send.dm(notice)),
    mention: dying.send.mention,
  };
  void reaskPending(runDeps(before.gaps, { send: hangsOnBob }));
  while (dying.notices.length === 0 || (await before.gaps.unnotified()).some((s) => s.member === 'hb'))
    await new Promise((resolve) => setTimeout(resolve, 5));

  const after = SqliteState.open({ path });
  t.after(async () => {
    await after.close();
    await before.close();
  });
  const restarted = fakeDiscord();
  const report = await reaskPending(runDeps(after.gaps, restarted));
  assert.deepEqual(
    dying.notices.map((n) => n.memberId),
    ['111'],
  );
  assert.deepEqual(
    restarted.notices.map((n) => [n.memberId, n.queries.length]),
    [['333', 3]],
    'the first member is not told again, the one being told when it died is given up (at most once)',
  );
  assert.equal(report.dm, 1);
  assert.deepEqual(await after.gaps.unnotified(), []);
});
