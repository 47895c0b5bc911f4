import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { planQuery } from '../../src/search/queryPlan.js';
import { questionTime } from '../../src/search/questionTime.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';

const subjects = async (question: string) => {
  const state = await buildState([], BUILT_IN_ALIASES, []);
  return planQuery(question, state)
    .terms.filter((t) => t.subject)
    .map((t) => t.written);
};

test('a question is about its names: every word of a name that ends in a common noun, the last of a person', async () => {
  assert.deepEqual(await subjects('How many people are employed at the Minsk Tractor Works?'), [
    'Minsk',
    'Tractor',
    'Works',
  ]);
  assert.deepEqual(await subjects('What did Maria Kolesnikova say?'), ['Kolesnikova']);
  // Calendar words say when, an acronym for a common noun (TV) is no name, a lower-case name no dictionary
  // or typo explains is one.
  assert.deepEqual(await subjects('Which TV channel reported on September 6 from Sunday?'), []);
  assert.deepEqual(await subjects('how many bakers went on strike in baranavichy'), ['baranavichy']);
  assert.deepEqual(await subjects("What did the envoy's team say there'd be?"), []);
});

test('a question about the present, and the days a question names', () => {
  for (const q of [
    'Is the metro still closed?',
    'latest on the strike',
    'any news on Hrodna?',
    'How many so far?',
  ])
    assert.equal(questionTime(q).latest, true, q);
  assert.equal(questionTime('How many stations were closed?').latest, false);
  assert.deepEqual([...questionTime('What happened on October 11?').days], ['10-11']);
});
