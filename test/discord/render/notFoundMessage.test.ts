import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notFoundMessage } from '../../../src/discord/render/notFoundMessage.js';
import { relatedEarlierQuestions } from '../../../src/search/earlierQuestions.js';
import { BUILT_IN_ALIASES } from '../../../src/text/aliasTable.js';
import type { Answer } from '../../../src/types.js';

const earlier = [
  'Where was Navalny evacuated to?',
  'What did the OSCE chair offer?',
  'Who poisoned Navalny in Omsk?',
  'How many people protested in Minsk?',
];

test('earlier questions sharing the most words come first, then the most recent; none share, none offered', () => {
  assert.deepEqual(relatedEarlierQuestions('Was Navalny poisoned in Omsk?', earlier, BUILT_IN_ALIASES), [
    'Who poisoned Navalny in Omsk?',
    'Where was Navalny evacuated to?',
  ]);
  assert.deepEqual(relatedEarlierQuestions('chocolate cake recipe', earlier, BUILT_IN_ALIASES), []);
  assert.deepEqual(relatedEarlierQuestions('thanks!', earlier, BUILT_IN_ALIASES), []);
  // The question itself is never offered back.
  assert.deepEqual(
    relatedEarlierQuestions(
      'What did the OSCE chair offer?',
      ['What did the OSCE chair offer?'],
      BUILT_IN_ALIASES,
    ),
    [],
  );
});

test('the "not found" reply lists answered questions close to it, the closest topics and the language hint, escaped', () => {
  const answer: Answer = {
    query: 'Где Навальный?',
    answered: false,
    outlets: 0,
    citations: [],
    suggestions: ['Senior US Diplomat *Aims*'],
    hint: 'База знаний на английском языке.',
  };
  const info = { documents: 5, passages: 78, builtAt: '2026-11-29T00:00:00.000Z' };
  const description = notFoundMessage(answer, info, ['Where was @everyone Navalny evacuated to?']).embeds?.[0]
    ?.description;
  assert.ok(description);
  assert.match(description, /База знаний на английском языке\./);
  assert.match(
    description,
    /\*\*Answered questions close to it:\*\*\n• Where was .*everyone Navalny evacuated to\?/,
  );
  assert.match(description, /\*\*Closest topics it does cover:\*\*\n• Senior US Diplomat \\\*Aims\\\*/);
});
