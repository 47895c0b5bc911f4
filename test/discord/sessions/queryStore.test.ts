import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryQueryStore } from '../../../src/discord/sessions/queryStore.js';

test('keys are short, lower-case base 36, and stable for the same question and filters', async () => {
  const store = new MemoryQueryStore();
  const key = await store.put('Who won the election?');
  assert.match(key, /^[a-z0-9]{1,10}$/);
  assert.equal(await store.put('Who won the election?'), key);
  assert.equal(await store.put('Who won the election?', { outlet: null, since: undefined }), key);
  assert.equal(await new MemoryQueryStore().put('Who won the election?'), key, 'same key in a new store');
  const filtered = await store.put('Who won the election?', { outlet: 'Example News' });
  assert.notEqual(filtered, key);
  assert.notEqual(await store.put('Who won the election', {}), key);
  assert.equal(store.size, 3);
});

test('get returns the question and its filters; unknown keys are undefined', async () => {
  const store = new MemoryQueryStore();
  const key = await store.put('protests in Minsk', { outlet: 'Example News', since: '2020-08-09' });
  assert.deepEqual(await store.get(key), {
    query: 'protests in Minsk',
    extra: { outlet: 'Example News', since: '2020-08-09', until: null },
  });
  assert.equal(await store.get('zzzzzzzzzz'), undefined);
  assert.equal(await store.get(''), undefined);
  assert.equal(await new MemoryQueryStore().get(key), undefined, 'a restarted store has forgotten it');
});

test('at capacity the least recently used question is evicted; get and put refresh', async () => {
  const store = new MemoryQueryStore(3);
  const a = await store.put('a question', {}, 'question', 'public');
  const b = await store.put('b question', {}, 'question', 'public');
  const c = await store.put('c question', {}, 'question', 'public');
  assert.ok(await store.get(a), 'refreshes a');
  await store.put('d question', {}, 'question', 'public');
  assert.equal(await store.get(b), undefined, 'b was least recently used');
  assert.ok(await store.get(a));
  assert.ok(await store.get(c));
  await store.put('c question', {}, 'question', 'public'); // refresh by put
  await store.put('e question', {}, 'question', 'public');
  assert.equal(store.size, 3);
  assert.deepEqual(await store.recent(), ['e question', 'c question', 'a question']);
});

test('an evicted question put again gets its key back', async () => {
  const store = new MemoryQueryStore(1);
  const a = await store.put('a question');
  await store.put('b question');
  assert.equal(await store.get(a), undefined);
  assert.equal(await store.put('a question'), a);
});

test('recent: newest first, folded substring match, distinct, limited', async () => {
  const store = new MemoryQueryStore();
  await store.put('Did Lukashenko meet Putin?', {}, 'question', 'public');
  await store.put('What did Nausėda say?', {}, 'question', 'public');
  await store.put('did lukashenko  meet putin?', { outlet: 'Example News' }, 'question', 'public');
  await store.put('Protests in Minsk', {}, 'question', 'public');
  assert.deepEqual(await store.recent('NAUSEDA'), ['What did Nausėda say?']);
  assert.deepEqual(
    await store.recent('lukashenko meet'),
    ['did lukashenko  meet putin?'],
    'one of the two spellings',
  );
  assert.deepEqual(await store.recent('did'), ['did lukashenko  meet putin?', 'What did Nausėda say?']);
  assert.deepEqual(await store.recent(), [
    'Protests in Minsk',
    'did lukashenko  meet putin?',
    'What did Nausėda say?',
  ]);
  assert.deepEqual(await store.recent('', 1), ['Protests in Minsk']);
  assert.deepEqual(await store.recent('  minsk '), ['Protests in Minsk']);
  assert.deepEqual(await store.recent('nothing like it'), []);
});

test('recent never throws on odd input', async () => {
  const store = new MemoryQueryStore();
  await store.put('a question', {}, 'question', 'public');
  assert.deepEqual(await store.recent('', Number.NaN), ['a question']);
  assert.deepEqual(await store.recent('', -5), []);
  assert.deepEqual(await store.recent(undefined as unknown as string), ['a question']);
  assert.deepEqual(await new MemoryQueryStore(0).recent('x'), []);
});

test('a text checked as a claim keeps that mode, under a key of its own', async () => {
  const store = new MemoryQueryStore();
  const asQuestion = await store.put('Lukashenko won 80.1%');
  const asClaim = await store.put('Lukashenko won 80.1%', {}, 'claim');
  assert.notEqual(asClaim, asQuestion);
  assert.equal((await store.get(asClaim))?.mode, 'claim');
  assert.equal((await store.get(asQuestion))?.mode, undefined);
});

test('a question answered only privately is never suggested; once answered publicly it is, and stays so', async () => {
  const store = new MemoryQueryStore();
  const key = await store.put('Was my cousin detained in Minsk?');
  assert.equal((await store.get(key))?.shownPublicly, undefined);
  assert.deepEqual(await store.recent('cousin'), [], 'a private question is not offered to others');
  assert.equal(
    await store.put('Was my cousin detained in Minsk?', {}, 'question', 'public'),
    key,
    'the same key',
  );
  assert.equal((await store.get(key))?.shownPublicly, true);
  assert.deepEqual(await store.recent('cousin'), ['Was my cousin detained in Minsk?']);
  await store.put('Was my cousin detained in Minsk?');
  assert.equal(
    (await store.get(key))?.shownPublicly,
    true,
    'a later private answer does not hide a public one',
  );
});

test("forgetMember removes the member's questions (their keys expire), keeping those another member typed too", async () => {
  const store = new MemoryQueryStore();
  const mine = await store.put('Was my cousin detained?', {}, 'question', 'public', 'ha');
  const filtered = await store.put(
    'Was my cousin detained?',
    { outlet: 'Wire' },
    'question',
    'private',
    'ha',
  );
  const shared = await store.put('Who won?', {}, 'question', 'public', 'ha');
  await store.put('Who won?', {}, 'question', 'public', 'hb');
  // A button press on Alice's answer stores it again but types nothing: it stays hers alone.
  await store.put('Was my cousin detained?', {}, 'question', 'public');
  const theirs = await store.put('Rain in Minsk?', {}, 'question', 'public', 'hb');
  const anonymous = await store.put('A claim', {}, 'claim');

  assert.equal(await store.forgetMember('ha'), 2);
  assert.equal(await store.get(mine), undefined);
  assert.equal(await store.get(filtered), undefined);
  assert.deepEqual(await store.recent(), ['Rain in Minsk?', 'Who won?']);
  assert.equal((await store.get(shared))?.query, 'Who won?');
  assert.equal((await store.get(theirs))?.query, 'Rain in Minsk?');
  assert.equal((await store.get(anonymous))?.mode, 'claim');
  assert.equal(await store.forgetMember('ha'), 0);
  assert.equal(
    await store.put('Was my cousin detained?', {}, 'question', 'public', 'ha'),
    mine,
    'the same key again',
  );
});
