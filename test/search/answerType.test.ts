import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerWords, askedType, holdsAnswerType, isCountTerm } from '../../src/search/answerType.js';
import { tokenize } from '../../src/text/tokenize.js';

test('the kind of answer a question asks for', () => {
  assert.equal(askedType('How many people were detained?'), 'number');
  assert.equal(askedType('What percentage of the vote did he win?'), 'number');
  assert.equal(askedType('How long did the visit last?'), 'number');
  assert.equal(askedType('When will Khrenin visit Moscow?'), 'date');
  assert.equal(askedType('In what year was it founded?'), 'date');
  assert.equal(askedType('Who replaced the head of the KGB?'), 'name');
  assert.equal(askedType('Where was Navalny evacuated to?'), 'name');
  assert.equal(askedType('Which countries imposed sanctions?'), 'name');
  assert.equal(askedType('What did Lavrov say about the OSCE?'), null);
  assert.equal(askedType('Why did Mishustin travel to Minsk?'), null);
});

test('answer words: numbers, dates and names inside a sentence, not a sentence`s first word', () => {
  const text = 'Police detained 24 people. On September 4, Khrenin met Shoigu in Moscow. Twelve were freed.';
  const words = answerWords(text);
  const kinds = (w: string) => [...(words.find((x) => x.lower === w)?.kinds ?? [])];
  assert.deepEqual(kinds('24'), ['number']);
  assert.deepEqual(kinds('september'), ['date']);
  assert.deepEqual(kinds('khrenin'), ['name']);
  assert.deepEqual(kinds('moscow'), ['name']);
  // Sentence openers prove nothing about names: "Police", "On"; "Twelve" is still a number.
  assert.deepEqual(kinds('police'), []);
  assert.deepEqual(kinds('twelve'), ['number']);
});

test('a span holds an answer of the asked kind unless it is the question`s own word', () => {
  const text = 'Lukashenko met Putin in Sochi.';
  const words = answerWords(text);
  const asked = new Set(['putin', 'lukashenko']);
  assert.equal(
    holdsAnswerType(words, 0, text.length, 'name', (w) => asked.has(w)),
    true,
  );
  const askedAll = new Set(['putin', 'lukashenko', 'sochi']);
  assert.equal(
    holdsAnswerType(words, 0, text.length, 'name', (w) => askedAll.has(w)),
    false,
  );
  assert.equal(
    holdsAnswerType(words, 0, text.length, 'number', () => false),
    false,
  );
});

test('a count is a number that is neither an ordinal nor a year, or a number word', () => {
  assert.equal(isCountTerm('32', '32'), true);
  assert.equal(isCountTerm('4th', '4th'), false);
  assert.equal(isCountTerm('2020', '2020'), false);
  assert.equal(isCountTerm('dozen', 'dozen'), true);
});

test('a sentence ends at . ! or ? before closing quotes and brackets; day and month words in any case', () => {
  const text =
    'He said: "We will not go." Lukashenko (in Minsk!) Protesters came on WEDNESDAY and Wednesdays.';
  const words = answerWords(text);
  const kinds = (w: string) => [...(words.find((x) => x.lower === w)?.kinds ?? [])];
  assert.deepEqual(kinds('lukashenko'), [], 'after ." a sentence opens');
  assert.deepEqual(kinds('minsk'), ['name']);
  assert.deepEqual(kinds('protesters'), [], 'after !) a sentence opens');
  assert.deepEqual(kinds('wednesday'), ['date']);
  assert.deepEqual(kinds('wednesdays'), ['name'], 'not a day word, a capitalised one');
  assert.deepEqual(answerWords(text, tokenize(text)), words);
});
