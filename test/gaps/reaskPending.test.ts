import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reaskPending, type Told } from '../../src/gaps/reaskPending.js';
import type { GapSubscription } from '../../src/state/gapStore.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import type { Answer, Citation } from '../../src/types.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

function memoryGaps(t: { after(fn: () => Promise<void>): void }) {
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  return state.gaps;
}

const citation = (quote: string): Citation => ({
  rank: 1,
  passageId: 'abcdefabcdef-1',
  documentId: 'doc',
  text: quote,
  quote,
  highlights: [],
  textHighlights: [],
  score: 1,
  source: {
    title: 'T',
    outlet: 'O',
    outletClaim: null,
    author: null,
    published: null,
    publishedInferred: false,
    url: null,
  },
});

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
        ? { query, answered: true, outlets: 1, citations: [citation(`About ${hit}.`)], suggestions: [] }
        : { query, answered: false, outlets: 0, citations: [], suggestions: [] };
    },
  };
}

/** A fake Discord: records who was told what, and how (the members in `dmsClosed` get a mention). */
function fakeDiscord(dmsClosed: string[] = [], failing: string[] = []) {
  const told: { memberId: string; how: Told; query: string; quote: string }[] = [];
  return {
    told,
    async tell(s: GapSubscription & { memberId: string }, answer: Answer): Promise<Told> {
      if (failing.includes(s.memberId)) throw new Error('Discord is down');
      const how: Told = dmsClosed.includes(s.memberId) ? 'mention' : 'dm';
      told.push({ memberId: s.memberId, how, query: s.query, quote: answer.citations[0]?.quote ?? '' });
      return how;
    },
  };
}

const where = { channelId: 'c1', threadId: null };

test('answered questions leave the queue and each waiting member is told once per group, with the answer', async (t) => {
  const gaps = memoryGaps(t);
  const engine = fakeEngine([]);
  const discord = fakeDiscord(['333']);
  const { logger } = recordingLogger();
  const deps = { gaps, ask: engine.ask, tell: discord.tell, logger };

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
  assert.deepEqual(nothingYet, { asked: 6, answered: 0, dm: 0, mention: 0, failed: 0, deferred: 0 });
  assert.equal(discord.told.length, 0);

  engine.known.push('troops');
  engine.asked.length = 0;
  const report = await reaskPending(deps);
  assert.deepEqual(report, { asked: 6, answered: 5, dm: 2, mention: 1, failed: 0, deferred: 0 });
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
  assert.deepEqual(again, { asked: 1, answered: 0, dm: 0, mention: 0, failed: 0, deferred: 0 });
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
    tell: discord.tell,
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
  const report = await reaskPending({ gaps, ask: fakeEngine(['troops']).ask, tell: failing.tell, logger });
  assert.equal(report.failed, 1);
  assert.equal(lines.filter((l) => l.level === 'warn').length, 1);
  assert.equal(lines[0]?.obj.member, 'ha', 'the hashed id is logged, never the raw one');
  const working = fakeDiscord();
  await reaskPending({ gaps, ask: fakeEngine(['troops']).ask, tell: working.tell, logger });
  assert.equal(working.told.length, 0, 'never told twice, even after a failure');

  // Answered, then the answer is gone before the member was told (a rollback): they wait for it.
  const later = await gaps.recordUnanswered({ groupKey: 'h', query: 'rain?', member: 'hb' });
  await gaps.subscribe({ questionId: later, member: 'hb', memberId: '222', ...where });
  await gaps.markAnswered([later]);
  const none = await reaskPending({ gaps, ask: fakeEngine([]).ask, tell: working.tell, logger });
  assert.equal(none.deferred, 1);
  assert.equal(working.told.length, 0);
  const back = await reaskPending({ gaps, ask: fakeEngine(['rain']).ask, tell: working.tell, logger });
  assert.equal(back.dm, 1);
  assert.deepEqual(
    working.told.map((x) => x.memberId),
    ['222'],
  );
});
