import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CooldownLimits, MemoryCooldown } from '../../../src/discord/sessions/cooldown.js';
import {
  MemoryPendingArticles,
  type PendingArticlesOptions,
} from '../../../src/discord/sessions/pendingArticles.js';
import { PgCooldown } from '../../../src/discord/sessions/pgCooldown.js';
import { PgPendingArticles } from '../../../src/discord/sessions/pgPendingArticles.js';
import { PgQueryStore } from '../../../src/discord/sessions/pgQueryStore.js';
import { MemoryQueryStore } from '../../../src/discord/sessions/queryStore.js';
import { PgState } from '../../../src/state/postgres/pgState.js';
import { articleToAdd } from '../../helpers/articleToAdd.js';
import { testPostgres } from '../../helpers/stateBackends.js';

type TestContext = { after(fn: () => Promise<void>): void };

/** Where a test's stores live: each call of a factory is another replica on the same place. */
interface Place {
  queries(): MemoryQueryStore | PgQueryStore;
  cooldown(limits: CooldownLimits, now: () => number): MemoryCooldown | PgCooldown;
  articles(options: PendingArticlesOptions): MemoryPendingArticles | PgPendingArticles;
}

async function postgresPlace(t: TestContext): Promise<Place> {
  const state = await PgState.open({ url: await (await testPostgres()).createDatabase('session') });
  t.after(() => state.close());
  return {
    queries: () => new PgQueryStore(state.pool),
    cooldown: (limits, now) => new PgCooldown(state.pool, limits, now),
    articles: (options) => new PgPendingArticles(state.pool, options),
  };
}

function memoryPlace(): Place {
  const queries = new MemoryQueryStore();
  const cooldowns = new Map<string, MemoryCooldown>();
  const articles = new Map<string, MemoryPendingArticles>();
  return {
    queries: () => queries,
    cooldown: (limits, now) =>
      cooldowns.get('one') ?? cooldowns.set('one', new MemoryCooldown(limits, now)).get('one')!,
    articles: (options) =>
      articles.get('one') ?? articles.set('one', new MemoryPendingArticles(options)).get('one')!,
  };
}

const PLACES = [
  { name: 'memory', open: async () => memoryPlace() },
  { name: 'PostgreSQL', open: postgresPlace },
];

function sessionTest(name: string, body: (place: Place) => Promise<void>): void {
  for (const place of PLACES) test(`${place.name}: ${name}`, async (t) => body(await place.open(t)));
}

const article = articleToAdd;

sessionTest(
  'a question is found by its key from any replica, with its filters and mode; the key is the same everywhere',
  async (place) => {
    const one = place.queries();
    const other = place.queries();
    const key = await one.put('Who won?', { outlet: 'Example News' }, 'claim', 'private', 'ha');
    assert.equal(key, await new MemoryQueryStore().put('Who won?', { outlet: 'Example News' }, 'claim'));
    assert.deepEqual(await other.get(key), {
      query: 'Who won?',
      extra: { outlet: 'Example News', since: null, until: null },
      mode: 'claim',
    });
    assert.equal(await other.get('zzzzzzzzzz'), undefined);
  },
);

sessionTest(
  'only questions answered publicly are suggested, newest first, distinct by folded text',
  async (place) => {
    const one = place.queries();
    const other = place.queries();
    await one.put('Did Lukashenko meet Putin?', {}, 'question', 'public');
    await one.put('A private worry', {}, 'question', 'private');
    await other.put('did lukashenko  meet putin?', { outlet: 'X' }, 'question', 'public');
    await other.put('What did Nausėda say?', {}, 'question', 'public');
    assert.deepEqual(await one.recent(), ['What did Nausėda say?', 'did lukashenko  meet putin?']);
    assert.deepEqual(await one.recent('NAUSEDA'), ['What did Nausėda say?']);
    assert.deepEqual(await other.recent('private'), []);
    assert.deepEqual(await one.recent('', 1), ['What did Nausėda say?']);
  },
);

sessionTest(
  "forget-me removes the member's questions everywhere, keeping those another member typed too",
  async (place) => {
    const one = place.queries();
    const mine = await one.put('Mine?', {}, 'question', 'public', 'ha');
    const shared = await one.put('Ours?', {}, 'question', 'public', 'ha');
    await place.queries().put('Ours?', {}, 'question', 'public', 'hb');
    assert.equal(await place.queries().forgetMember('ha'), 1);
    assert.equal(await one.get(mine), undefined);
    assert.equal((await one.get(shared))?.query, 'Ours?');
  },
);

sessionTest('one cooldown counts a member across replicas; members are counted apart', async (place) => {
  let now = 1_000_000;
  const clock = () => now;
  const limits = { questions: 2, seconds: 30 };
  const one = place.cooldown(limits, clock);
  const other = place.cooldown(limits, clock);
  assert.deepEqual(await one.take('ha'), { ok: true });
  now += 5_000;
  assert.deepEqual(await other.take('ha'), { ok: true });
  assert.deepEqual(await one.take('ha'), { ok: false, retryAfterSeconds: 25 });
  assert.deepEqual(await other.take('hb'), { ok: true });
  now += 25_000;
  assert.deepEqual(await other.take('ha'), { ok: true }, 'the first take left the window');
});

sessionTest('concurrent takes of one member never pass the limit', async (place) => {
  const limits = { questions: 3, seconds: 30 };
  const replicas = [place.cooldown(limits, Date.now), place.cooldown(limits, Date.now)];
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => replicas[i % 2]!.take('ha')));
  assert.equal(results.filter((r) => r.ok).length, 3);
});

sessionTest(
  'a preview put on one replica is added once from another, bytes intact, and expires',
  async (place) => {
    let now = 1_000_000;
    const options = { ttlMs: 60_000, now: () => now };
    const one = place.articles(options);
    const other = place.articles(options);
    const key = await one.put(article('trams'));
    const peeked = await other.peek(key);
    assert.ok(Buffer.isBuffer(peeked?.prepared.bytes));
    assert.equal(peeked?.prepared.bytes.toString(), '# trams\n');
    assert.equal((await other.take(key))?.page.finalUrl, 'https://news.example/trams');
    assert.equal(await one.take(key), undefined, 'a second Add finds nothing');
    const later = await one.put(article('zoo'));
    now += 60_000;
    assert.equal(await other.peek(later), undefined, 'expired');
  },
);

sessionTest('previews are bounded: beyond capacity the oldest goes', async (place) => {
  const store = place.articles({ capacity: 2 });
  const first = await store.put(article('a'));
  const second = await store.put(article('b'));
  const third = await store.put(article('c'));
  assert.equal(await store.peek(first), undefined);
  assert.ok(await store.peek(second));
  assert.ok(await store.peek(third));
});
