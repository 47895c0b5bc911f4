import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Client, MessageCreateOptions } from 'discord.js';
import { tellMeOnIndexChange } from '../../src/bot/tellMeOnIndexChange.js';
import type { Engine } from '../../src/engine/engine.js';
import { MENTION_INTERVAL_MS } from '../../src/gaps/tellWaiting.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import type { Answer } from '../../src/types.js';
import { citationOf } from '../helpers/citation.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const HOUR = 60 * 60 * 1000;
const MEMBER = '111111111111111111';

const answer = (query: string): Answer => ({
  query,
  answered: true,
  outlets: 1,
  citations: [citationOf('The strike ended.', {}, { title: 'Strike over', outlet: 'Wire' })],
  suggestions: [],
});

/** A Discord client whose member has DMs closed; what is posted in channels is recorded. */
function dmsClosedClient() {
  const posted: MessageCreateOptions[] = [];
  const closed = Object.assign(new Error('Cannot send messages to this user'), { code: 50007 });
  const client = {
    users: {
      createDM: async () => ({
        send: async () => {
          throw closed;
        },
      }),
    },
    channels: {
      cache: new Map(),
      fetch: async () => ({
        isSendable: () => true,
        send: async (options: MessageCreateOptions) => void posted.push(options),
      }),
    },
  };
  return { posted, client: client as unknown as Client };
}

test('a member held back by the one mention a day is mentioned once it expires, with no reindex meanwhile', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.UTC(2024, 4, 1, 8) });
  const state = SqliteState.open({ path: MEMORY });
  t.after(() => state.close());
  // Mentioned 23 hours ago for another question; this one is covered now.
  await state.gaps.claimMention('ha', MENTION_INTERVAL_MS, new Date(Date.now() - 23 * HOUR));
  const query = 'Did the strike end?';
  const questionId = await state.gaps.recordUnanswered({ groupKey: 'strike', query, member: 'ha' });
  await state.gaps.subscribe({ questionId, member: 'ha', memberId: MEMBER, channelId: 'c1', threadId: null });

  const { logger, lines } = recordingLogger();
  const { posted, client } = dmsClosedClient();
  const engine = { knowledge: { ask: answer } } as unknown as Engine;
  const notices = tellMeOnIndexChange(logger);
  t.after(() => notices.stop());
  await notices.start(engine, state, client);
  const runs = () => lines.filter((l) => l.msg === 'unanswered questions asked again');
  assert.deepEqual(
    runs().map((l) => [l.obj.held, l.obj.mention]),
    [[1, 0]],
  );
  assert.equal(posted.length, 0, 'no second mention within the day');

  t.mock.timers.tick(HOUR - 10_000);
  assert.equal(runs().length, 1, 'not before the day is over');
  t.mock.timers.tick(20_000);
  for (let i = 0; i < 1000 && runs().length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    runs().map((l) => [l.obj.held, l.obj.mention]),
    [
      [1, 0],
      [0, 1],
    ],
  );
  assert.equal(posted.length, 1);
  assert.ok(posted[0]?.content?.startsWith(`<@${MEMBER}> a question you asked me to watch`));
});
