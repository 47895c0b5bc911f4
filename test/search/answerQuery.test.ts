import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { answerQuery } from '../../src/search/answerQuery.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

function doc(id: string, outlet: string | null, text: string): KnowledgeDocument {
  return {
    id,
    file: `${id}.md`,
    hash: id,
    text,
    meta: {
      title: `Title ${id}`,
      outlet,
      author: null,
      published: '2020-09-01',
      url: null,
      language: 'en',
      inferred: [],
    },
  };
}

const FILLER =
  'The weather in the capital stayed mild for most of the week. Shops opened late on the holiday. ' +
  'Trains ran on the usual timetable and the river traffic was light. Farmers brought the last apples to the market.';

const corpus = [
  doc(
    'a',
    'Wire A',
    `Deputy Secretary Stephen Biegun met the foreign minister in Vilnius on Monday to discuss the border crossing. ${FILLER}`,
  ),
  doc(
    'b',
    'Wire B',
    `Lithuanian President Gitanas Nausėda said the plan to mediate would go ahead despite the objections of the government. ${FILLER}`,
  ),
  doc(
    'c',
    'Wire C',
    `Officials confirmed that 32 senior officials were banned from entering the country after the vote. ${FILLER}`,
  ),
  doc(
    'd',
    'Wire D',
    `Officials confirmed that 32 senior officials were banned from entering the country after the vote. ${FILLER}`,
  ),
  doc(
    'e',
    'Wire A',
    `The potash exports through Klaipeda fell by a third during the dispute over the transit fees. ${FILLER}`,
  ),
  doc(
    'f',
    'Wire E',
    'The potash exports through Klaipeda fell sharply during the long dispute over the transit fees. ' +
      'A spokesman for the port declined to comment on the figures. Several shipping lines moved their ' +
      'vessels to Riga and Gdansk for the winter season, according to a trade newsletter published in Vilnius.',
  ),
];
const state = await buildState(corpus, BUILT_IN_ALIASES, []);

test('a transliterated spelling finds the name as the document spells it', () => {
  const answer = answerQuery(state, 'What did Bigan discuss in Vilnius?');
  assert.equal(answer.answered, true);
  assert.equal(answer.citations[0]?.documentId, 'a');
  assert.match(answer.citations[0]?.quote ?? '', /Biegun met the foreign minister/);
});

test('diacritics are folded on both sides', () => {
  const answer = answerQuery(state, 'What did Nauseda say about the plan to mediate?');
  assert.equal(answer.citations[0]?.documentId, 'b');
});

test('near-duplicate passages are cited once', () => {
  const answer = answerQuery(state, 'How many senior officials were banned from entering?');
  const ids = answer.citations.map((c) => c.documentId);
  assert.equal(ids.filter((id) => id === 'c' || id === 'd').length, 1);
});

test('close scores from two outlets are both cited and counted as corroboration', () => {
  const answer = answerQuery(state, 'potash exports Klaipeda transit fees dispute', { limit: 3 });
  assert.deepEqual(answer.citations.map((c) => c.documentId).sort(), ['e', 'f']);
  assert.equal(answer.outlets, 2);
});

test('the quote is the answering sentence, verbatim, with an ellipsis where the passage goes on', () => {
  const [citation] = answerQuery(state, 'potash exports fell by a third').citations;
  assert.ok(citation);
  // The answering sentence first; a sentence this short is widened to about 30 words, never past three sentences.
  assert.match(
    citation.quote,
    /^The potash exports through Klaipeda fell by a third during the dispute over the transit fees\. [^…]+ …$/,
  );
  assert.ok(citation.quote.split(/\s+/).length >= 30);
  assert.ok(citation.text.startsWith(citation.quote.replace(/ …$/, '')));
  for (const h of citation.highlights)
    assert.match(citation.quote.slice(h.start, h.end), /potash|exports|fell|third/i);
  for (const h of citation.textHighlights)
    assert.match(citation.text.slice(h.start, h.end), /potash|exports|fell|third/i);
});

test('a short passage is quoted whole', async () => {
  const small = await buildState(
    [
      doc(
        's',
        'Wire S',
        'The bridge over the Neris reopened on Friday after repairs to its eastern pillar were finished.',
      ),
    ],
    BUILT_IN_ALIASES,
    [],
  );
  const [citation] = answerQuery(small, 'When did the Neris bridge reopen?').citations;
  assert.equal(citation?.quote, citation?.text);
});

test('questions on topics the documents do not hold are not answered', () => {
  for (const q of [
    'How do I bake sourdough bread?',
    'What is the capital of Australia?',
    'router password reset',
  ]) {
    const answer = answerQuery(state, q);
    assert.equal(answer.answered, false, q);
    assert.deepEqual(answer.citations, []);
  }
});

test('"not found" suggests the nearest documents that share a word with the question, else nothing', () => {
  // "capital" is in every document's filler: the nearest ones are offered, at most three.
  const near = answerQuery(state, 'What is the capital of Australia?');
  assert.ok(near.suggestions.length > 0 && near.suggestions.length <= 3);
  assert.ok(near.suggestions.every((title) => /^Title [a-f]$/.test(title)));
  assert.deepEqual(answerQuery(state, 'How do I bake sourdough bread?').suggestions, []);
  assert.deepEqual(answerQuery(state, 'thanks!').suggestions, []);
  assert.deepEqual(answerQuery(state, 'what is it?').suggestions, []);
});

test('a question in Cyrillic that finds nothing says, in its language, that the knowledge is in English', () => {
  const answer = answerQuery(state, 'Что случилось с экспортом калия?');
  assert.equal(answer.answered, false);
  assert.match(answer.hint ?? '', /^База знаний на английском языке/);
  assert.equal(answerQuery(state, 'How do I bake sourdough bread?').hint, undefined);
});

test('a member`s chat around a question is not held against it', () => {
  const plain = answerQuery(state, 'Did potash exports through Klaipeda fall?');
  const chatty = answerQuery(
    state,
    '<@123456789012345678> hey guys, did potash exports through Klaipeda fall??? pls answer asap, thanks!',
  );
  assert.equal(plain.answered, true);
  assert.equal(chatty.answered, true);
  assert.equal(chatty.citations[0]?.passageId, plain.citations[0]?.passageId);
});

test('limits are clamped and long queries cut', () => {
  assert.ok(answerQuery(state, 'officials banned', { limit: 50 }).citations.length <= 10);
  assert.ok(answerQuery(state, 'officials banned', { limit: 0 }).citations.length <= 1);
  const long = answerQuery(state, `potash ${'x'.repeat(2000)}`);
  assert.equal(long.truncated, true);
  assert.equal(long.query.length, 1000);
});

test('a claim with conversational words is checked at the claim bar', async () => {
  const claim = 'I keep reading everywhere that exports of potash through Klaipeda fell, is that right?';
  assert.equal(answerQuery(state, claim, { mode: 'claim' }).answered, true);
  assert.equal(
    answerQuery(state, 'I keep reading that the moon landing was staged, is that right?', { mode: 'claim' })
      .answered,
    false,
  );
});
