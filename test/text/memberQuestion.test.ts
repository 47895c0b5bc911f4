import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memberQuestion } from '../../src/text/memberQuestion.js';

/** What is left of a question once markup and filler are blanked, spaces collapsed. */
const left = (q: string) => memberQuestion(q).replace(/\s+/g, ' ').trim();

test('offsets are kept: markup and filler become spaces of the same length', () => {
  const q = '<@123456789012345678> hi all, where is Minsk? thanks';
  assert.equal(memberQuestion(q).length, q.length);
});

test('mentions, channels, roles, slash commands, custom emoji, shortcodes and URLs are dropped', () => {
  assert.equal(
    left('<@!123456789012345678> <@&234567890123456789> <#345678901234567890> where did Navalny go?'),
    'where did Navalny go?',
  );
  assert.equal(left('@everyone @here who is Biegun <:pepe:123456789012345678> :thinking:'), 'who is Biegun');
  assert.equal(left('see https://example.com/a?b=c and www.example.org/x why'), 'see and why');
  assert.equal(left('</ask:123456789012345678> Minsk'), 'Minsk');
});

test('greetings, thanks, politeness and chat abbreviations are filler', () => {
  assert.equal(
    left('Hi all! where was navalny evacuated to??? pls answer asap'),
    '! where was navalny evacuated to???',
  );
  assert.equal(left('hello guys, who won? thanks in advance'), ', who won?');
  assert.equal(left('thank you so much, lol'), ',');
});

test('asking someone to tell, explain or let know is filler, the question stays', () => {
  assert.equal(left('can someone tell me where Tsikhanouskaya fled to?'), 'where Tsikhanouskaya fled to?');
  assert.equal(left('Could you please explain why Russia sent troops'), 'why Russia sent troops');
  assert.equal(left('does anyone know how many people were detained'), 'how many people were detained');
  assert.equal(left("I'm wondering whether the EU imposed sanctions"), 'the EU imposed sanctions');
  assert.equal(left('I want to know if Lavrov met Biegun'), 'Lavrov met Biegun');
});

test('"I heard …, is that true?" keeps only the claim', () => {
  assert.equal(
    left('I heard Russia offered Lukashenko military help, is that true?'),
    'Russia offered Lukashenko military help, ?',
  );
  assert.equal(left('is it true that Putin met Lukashenko in Sochi'), 'Putin met Lukashenko in Sochi');
});

test('content words that only look like filler stay: help, true, right, answer', () => {
  assert.equal(left('Did Russia offer help to Belarus?'), 'Did Russia offer help to Belarus?');
  assert.equal(left('What was the true result of the vote?'), 'What was the true result of the vote?');
  assert.equal(left('Who has the right to call an election?'), 'Who has the right to call an election?');
  assert.equal(left('What was the answer of the Kremlin?'), 'What was the answer of the Kremlin?');
});

test('a long run of filler words goes whole', () => {
  assert.equal(left(`${'please '.repeat(400)}where is Minsk`), 'where is Minsk');
});
