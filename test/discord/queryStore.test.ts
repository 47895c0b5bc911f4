import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryStore } from '../../src/discord/queryStore.js';

test('keys are short, lower-case base 36, and stable for the same question and filters', () => {
  const store = new QueryStore();
  const key = store.put('Who won the election?');
  assert.match(key, /^[a-z0-9]{1,10}$/);
  assert.equal(store.put('Who won the election?'), key);
  assert.equal(store.put('Who won the election?', { outlet: null, since: undefined }), key);
  assert.equal(new QueryStore().put('Who won the election?'), key, 'same key in a new store');
  const filtered = store.put('Who won the election?', { outlet: 'Example News' });
  assert.notEqual(filtered, key);
  assert.notEqual(store.put('Who won the election', {}), key);
  assert.equal(store.size, 3);
});

test('get returns the question and its filters; unknown keys are undefined', () => {
  const store = new QueryStore();
  const key = store.put('protests in Minsk', { outlet: 'Example News', since: '2020-08-09' });
  assert.deepEqual(store.get(key), {
    query: 'protests in Minsk',
    extra: { outlet: 'Example News', since: '2020-08-09', until: null },
  });
  assert.equal(store.get('zzzzzzzzzz'), undefined);
  assert.equal(store.get(''), undefined);
  assert.equal(new QueryStore().get(key), undefined, 'a restarted store has forgotten it');
});

test('at capacity the least recently used question is evicted; get and put refresh', () => {
  const store = new QueryStore(3);
  const a = store.put('a question', {}, 'question', 'public');
  const b = store.put('b question', {}, 'question', 'public');
  const c = store.put('c question', {}, 'question', 'public');
  assert.ok(store.get(a), 'refreshes a');
  store.put('d question', {}, 'question', 'public');
  assert.equal(store.get(b), undefined, 'b was least recently used');
  assert.ok(store.get(a));
  assert.ok(store.get(c));
  store.put('c question', {}, 'question', 'public'); // refresh by put
  store.put('e question', {}, 'question', 'public');
  assert.equal(store.size, 3);
  assert.deepEqual(store.recent(), ['e question', 'c question', 'a question']);
});

test('an evicted question put again gets its key back', () => {
  const store = new QueryStore(1);
  const a = store.put('a question');
  store.put('b question');
  assert.equal(store.get(a), undefined);
  assert.equal(store.put('a question'), a);
});

test('recent: newest first, folded substring match, distinct, limited', () => {
  const store = new QueryStore();
  store.put('Did Lukashenko meet Putin?', {}, 'question', 'public');
  store.put('What did Nausėda say?', {}, 'question', 'public');
  store.put('did lukashenko  meet putin?', { outlet: 'Example News' }, 'question', 'public');
  store.put('Protests in Minsk', {}, 'question', 'public');
  assert.deepEqual(store.recent('NAUSEDA'), ['What did Nausėda say?']);
  assert.deepEqual(
    store.recent('lukashenko meet'),
    ['did lukashenko  meet putin?'],
    'one of the two spellings',
  );
  assert.deepEqual(store.recent('did'), ['did lukashenko  meet putin?', 'What did Nausėda say?']);
  assert.deepEqual(store.recent(), [
    'Protests in Minsk',
    'did lukashenko  meet putin?',
    'What did Nausėda say?',
  ]);
  assert.deepEqual(store.recent('', 1), ['Protests in Minsk']);
  assert.deepEqual(store.recent('  minsk '), ['Protests in Minsk']);
  assert.deepEqual(store.recent('nothing like it'), []);
});

test('recent never throws on odd input', () => {
  const store = new QueryStore();
  store.put('a question', {}, 'question', 'public');
  assert.deepEqual(store.recent('', Number.NaN), ['a question']);
  assert.deepEqual(store.recent('', -5), []);
  assert.deepEqual(store.recent(undefined as unknown as string), ['a question']);
  assert.deepEqual(new QueryStore(0).recent('x'), []);
});

test('a text checked as a claim keeps that mode, under a key of its own', () => {
  const store = new QueryStore();
  const asQuestion = store.put('Lukashenko won 80.1%');
  const asClaim = store.put('Lukashenko won 80.1%', {}, 'claim');
  assert.notEqual(asClaim, asQuestion);
  assert.equal(store.get(asClaim)?.mode, 'claim');
  assert.equal(store.get(asQuestion)?.mode, undefined);
});

test('a question answered only privately is never suggested; once answered publicly it is, and stays so', () => {
  const store = new QueryStore();
  const key = store.put('Was my cousin detained in Minsk?');
  assert.equal(store.get(key)?.shownPublicly, undefined);
  assert.deepEqual(store.recent('cousin'), [], 'a private question is not offered to others');
  assert.equal(store.put('Was my cousin detained in Minsk?', {}, 'question', 'public'), key, 'the same key');
  assert.equal(store.get(key)?.shownPublicly, true);
  assert.deepEqual(store.recent('cousin'), ['Was my cousin detained in Minsk?']);
  store.put('Was my cousin detained in Minsk?');
  assert.equal(store.get(key)?.shownPublicly, true, 'a later private answer does not hide a public one');
});

test("forgetMember removes the member's questions (their keys expire), keeping those another member typed too", () => {
  const store = new QueryStore();
  const mine = store.put('Was my cousin detained?', {}, 'question', 'public', 'ha');
  const filtered = store.put('Was my cousin detained?', { outlet: 'Wire' }, 'question', 'private', 'ha');
  const shared = store.put('Who won?', {}, 'question', 'public', 'ha');
  store.put('Who won?', {}, 'question', 'public', 'hb');
  // A button press on Alice's answer stores it again but types nothing: it stays hers alone.
  store.put('Was my cousin detained?', {}, 'question', 'public');
  const theirs = store.put('Rain in Minsk?', {}, 'question', 'public', 'hb');
  const anonymous = store.put('A claim', {}, 'claim');

  assert.equal(store.forgetMember('ha'), 2);
  assert.equal(store.get(mine), undefined);
  assert.equal(store.get(filtered), undefined);
  assert.deepEqual(store.recent(), ['Rain in Minsk?', 'Who won?']);
  assert.equal(store.get(shared)?.query, 'Who won?');
  assert.equal(store.get(theirs)?.query, 'Rain in Minsk?');
  assert.equal(store.get(anonymous)?.mode, 'claim');
  assert.equal(store.forgetMember('ha'), 0);
  assert.equal(
    store.put('Was my cousin detained?', {}, 'question', 'public', 'ha'),
    mine,
    'the same key again',
  );
});
