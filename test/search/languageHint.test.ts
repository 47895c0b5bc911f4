import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageHint } from '../../src/search/languageHint.js';

test('a question mostly in Cyrillic is told, in its language and in English, that the knowledge is in English', () => {
  assert.match(
    languageHint('Кто выиграл чемпионат мира?') ?? '',
    /^База знаний на английском языке.*The knowledge is in English/,
  );
  assert.match(languageHint('Што сказаў Лукашэнка пра ўладу?') ?? '', /^База ведаў/);
  assert.match(languageHint('Що сказав Зеленський про Білорусь?') ?? '', /^База знань/);
});

test('another script gets the English sentence; a Latin question or a Cyrillic name in English gets none', () => {
  assert.equal(
    languageHint('白俄罗斯发生了什么？'),
    'The knowledge is in English: try asking in English (names in Latin letters also work).',
  );
  assert.equal(languageHint('What did Лукашенко say about the protests?'), null);
  assert.equal(languageHint('Who is Biegun?'), null);
  assert.equal(languageHint('???'), null);
});
