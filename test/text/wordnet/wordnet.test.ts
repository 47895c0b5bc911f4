import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseForms } from '../../../src/text/wordnet/morphy.js';
import { linesWithPrefix } from '../../../src/text/wordnet/sortedLines.js';
import { wordNet } from '../../../src/text/wordnet/wordnet.js';

const related = (word: string) =>
  new Map(
    wordNet()
      .related(word)
      .map((r) => [r.lemma, r.relation]),
  );

test('synonyms come from the word`s most common senses', () => {
  assert.equal(related('arrested').get('apprehend'), 'synonym');
  assert.equal(related('detain').get('confine'), 'synonym');
  assert.equal(related('leave').get('depart'), 'narrower');
  assert.equal(related('demonstrators').get('protester'), 'synonym');
  assert.equal(related('gunfire').get('gunshot'), 'synonym');
});

test('verbs reach one level broader and narrower; nouns only their synonyms', () => {
  assert.equal(related('offer').get('provide'), 'broader');
  assert.equal(related('detain').get('imprison'), 'narrower');
  // No noun hypernyms: population is not "people", a country not a "state".
  assert.equal(related('population').has('people'), false);
  assert.equal(related('australia').has('state'), false);
  assert.equal(related('australia').has('country'), false);
});

test('a word is looked up by its base forms: plurals, verb endings, irregular forms', () => {
  assert.ok(baseForms('protesters', 'noun').includes('protester'));
  assert.ok(baseForms('stopped', 'verb').includes('stop'));
  assert.ok(baseForms('fled', 'verb').includes('flee'));
  assert.ok(related('fled').size > 0);
  // Comparative endings only when nothing else fits: "offer" is not "off" + -er.
  assert.equal(related('offer').has('away'), false);
});

test('proper nouns are told by how WordNet spells the most common sense', () => {
  assert.equal(wordNet().lookUp('china').properNoun, true);
  assert.equal(wordNet().lookUp('japan').properNoun, true);
  assert.equal(wordNet().lookUp('election').properNoun, false);
  // An acronym that is a common noun's other spelling (TV beside television) is no name; US is one.
  assert.equal(wordNet().lookUp('tv').properNoun, false);
  assert.equal(wordNet().lookUp('us').properNoun, true);
  assert.equal(wordNet().lookUp('zzzzqx').properNoun, false);
  assert.deepEqual(wordNet().related('zzzzqx'), []);
});

test('a dictionary word is known and counts how ordinary it is; a name WordNet lacks is not known', () => {
  const work = wordNet().lookUp('work');
  const borscht = wordNet().lookUp('borscht');
  assert.equal(work.known, true);
  assert.ok(work.tagged > 100, String(work.tagged));
  assert.equal(borscht.tagged, 0);
  assert.equal(wordNet().lookUp('baranavichy').known, false);
});

test('sorted lines are found by prefix with a binary search, first to last', () => {
  const file = Buffer.from('alpha 1\nbeta%1 2\nbeta%2 3\nbetamax 4\ngamma 5\n', 'latin1');
  assert.deepEqual(linesWithPrefix(file, 'beta%'), ['beta%1 2', 'beta%2 3']);
  assert.deepEqual(linesWithPrefix(file, 'alpha'), ['alpha 1']);
  assert.deepEqual(linesWithPrefix(file, 'gamma'), ['gamma 5']);
  assert.deepEqual(linesWithPrefix(file, 'delta'), []);
  assert.deepEqual(linesWithPrefix(file, 'zeta'), []);
  assert.deepEqual(linesWithPrefix(Buffer.alloc(0), 'a'), []);
});
