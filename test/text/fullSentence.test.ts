import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFullSentence, isFullSentence, MIN_SENTENCE_WORDS } from '../../src/text/fullSentence.js';

test(`a full sentence ends in terminal punctuation and has at least ${MIN_SENTENCE_WORDS} words`, () => {
  for (const sentence of [
    'Police closed three metro stations in central Minsk on Sunday.',
    '“We will not go back until every driver is paid,” said Alena Kavalchuk.',
    'Will the metro reopen before the march on Sunday evening?',
    'Трамвайное депо Гродно в понедельник остановило все 14 маршрутов.',
    'The strike went on (the depot said it would pay by Friday.)',
  ])
    assert.ok(isFullSentence(sentence), sentence);
  for (const line of [
    'Grodno tram drivers walk out over unpaid wages', // a headline
    'Home World Politics Business Sport Culture Opinion Video', // a menu
    'All rights reserved.',
    'Photo: the depot on Monday.',
    'Read more: Minsk metro closes stations',
  ])
    assert.ok(!isFullSentence(line), line);
});

test('a text holds a full sentence when any of its sentences is one', () => {
  assert.ok(hasFullSentence('Breaking. Police closed three metro stations in central Minsk on Sunday.'));
  assert.ok(!hasFullSentence('Breaking. Minsk metro. Photos of the day\nVideo: the march'));
  assert.ok(!hasFullSentence(''));
});
