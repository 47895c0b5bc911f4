import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gapGroupKey } from '../../src/gaps/groupKey.js';

function assertOneGroup(questions: readonly string[]): void {
  const keys = new Set(questions.map(gapGroupKey));
  assert.equal(keys.size, 1, `${questions.join(' | ')} → ${[...keys].join(' | ')}`);
}

test('paraphrase-level variants of one question share a group key', () => {
  assertOneGroup([
    'Did Russia send troops to Belarus?',
    'did russia send TROOPS to belarus',
    'Troops to Belarus: did Russia send them??',
    '<@123456789012345678> hi all, did Russia send troop to Belarus? thanks!',
    'Can someone tell me: did Russia send troops to Belarus, pls',
    'Did Russia send troops to Belarus https://example.com/x',
  ]);
  assertOneGroup([
    'When is the Belarus election?',
    'when is the election in belarus',
    'Belarus elections, when?',
  ]);
  // Diacritics and the transliterations of one name.
  assertOneGroup(['Who is Nausėda?', 'who is nauseda']);
  assertOneGroup(['Where is Lukashenko now?', 'Where is Lukashenka now?']);
  assertOneGroup(['What did Lukashenko say?', 'Что сказал Лукашенко?', 'Што сказаў Лукашэнка?']);
  // Built-in aliases.
  assertOneGroup(['What did the US say about Minsk?', 'What did the United States say about Minsk?']);
});

test('different questions get different group keys', () => {
  const different = [
    'Did Russia send troops to Belarus?',
    'Did Russia send troops to Ukraine?',
    'How many troops did Russia send to Belarus?',
    'When is the Belarus election?',
    'Where is the Belarus election?',
    'Who won the Belarus election?',
    'Where is Lukashenko now?',
    'Where is Tsikhanouskaya now?',
  ];
  const keys = different.map(gapGroupKey);
  assert.equal(new Set(keys).size, different.length, keys.join('\n'));
});

test('a question of stop words only still gets a key of its own, never an empty one', () => {
  const a = gapGroupKey('What is it?');
  const b = gapGroupKey('Who are they?');
  assert.notEqual(a, b);
  assert.ok(a.length > 'any:'.length && b.length > 'name:'.length);
  assert.equal(gapGroupKey('what is it'), a);
});
