import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useBundledEngine } from '../helpers/fakeContext.js';
import { inProcessBot } from '../helpers/inProcessBot.js';

// /forget-me through the real router: what it removes beyond the state database.
const bot = inProcessBot(useBundledEngine());

const ALICE = { userId: '100000000000000011' };
const BOB = { userId: '100000000000000012' };

const offered = async (typed: string) =>
  (await bot.autocomplete('ask', 'question', { question: typed })).choices.map((c) => c.value);

test("after /forget-me, autocomplete offers none of the member's questions; another member's stay", async () => {
  await bot.command('ask', { question: 'What did the OSCE chair offer?' }, ALICE);
  await bot.command('ask', { question: 'What did the OSCE chair say about Minsk?' }, ALICE);
  await bot.command('ask', { question: 'Did the OSCE chair visit Minsk?' }, BOB);
  // Asked by both: it is Bob's question too.
  await bot.command('ask', { question: 'Who chairs the OSCE?' }, ALICE);
  await bot.command('ask', { question: 'Who chairs the OSCE?' }, BOB);
  const before = await offered('osce');
  for (const question of [
    'What did the OSCE chair offer?',
    'What did the OSCE chair say about Minsk?',
    'Did the OSCE chair visit Minsk?',
    'Who chairs the OSCE?',
  ])
    assert.ok(before.includes(question), `${question} is offered: ${JSON.stringify(before)}`);

  const forgotten = await bot.command('forget-me', {}, ALICE);
  assert.equal(forgotten.log.outcome, 'done');

  const after = await offered('osce');
  assert.ok(!after.includes('What did the OSCE chair offer?'), JSON.stringify(after));
  assert.ok(!after.includes('What did the OSCE chair say about Minsk?'), JSON.stringify(after));
  assert.ok(after.includes('Did the OSCE chair visit Minsk?'), "Bob's question stays");
  assert.ok(after.includes('Who chairs the OSCE?'), 'a question Bob asked too stays');
  const line = bot.log.lines.find((l) => l.msg === 'member forgotten');
  assert.equal(line?.obj.suggestions, 2);
});
