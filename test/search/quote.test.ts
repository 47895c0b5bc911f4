import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { answerQuery } from '../../src/search/answerQuery.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

const FILLER =
  'The weather in the capital stayed mild for most of the week while shops opened late on the holiday. ' +
  'Trains ran on the usual timetable and the river traffic was light for the whole of the season there. ' +
  'Farmers brought the last apples of the year to the market in the old town square on the Saturday morning.';

function doc(id: string, text: string): KnowledgeDocument {
  const meta = {
    title: `Title ${id}`,
    outlet: 'Wire',
    author: null,
    published: null,
    url: null,
    language: 'en',
    inferred: [],
  };
  return { id, file: `${id}.md`, hash: id, text, meta };
}

async function quoteFor(text: string, question: string): Promise<string> {
  const state = await buildState([doc('q', text)], BUILT_IN_ALIASES, []);
  const [citation] = answerQuery(state, question).citations;
  assert.ok(citation, question);
  return citation.quote;
}

test('a quote that opens with a pronoun also shows the sentence naming its subject', async () => {
  const quote = await quoteFor(
    'General Adalbert von Bredow commanded the cavalry brigade of the Prussian army at Mars-la-Tours in the summer of that year. ' +
      'He proposed a bold charge against the French artillery battery that stood on the low ridge above the village road, and his riders carried it. ' +
      'The weather in the capital stayed mild for most of the week while shops opened late on the holiday.',
    'Who proposed a bold charge against the French artillery battery?',
  );
  assert.match(quote, /General Adalbert von Bredow commanded .* He proposed a bold charge/);
});

test('a "when" question`s quote takes the next sentence when that one holds the date', async () => {
  const quote = await quoteFor(
    'The weather in the capital stayed mild for most of the week while shops opened late on the holiday. ' +
      'The bridge over the Neris was finally reopened to cars and trams after the long and costly repairs of its eastern pillars by the city engineers and their crews working overnight. ' +
      'The ceremony took place on 4 September in front of the mayor.',
    'When was the bridge over the Neris reopened after the repairs of its pillars?',
  );
  assert.match(quote, /reopened to cars and trams .* on 4 September in front of the mayor\./);
});

test('a quote is a verbatim slice of its passage, with "…" where it was cut', async () => {
  const text = `Shops opened late on the holiday in the old town. The potash exports through Klaipeda fell by a third during the dispute over the transit fees, officials at the port said on Friday after weeks of talks with the railway company. ${FILLER}`;
  const quote = await quoteFor(text, 'Did potash exports through Klaipeda fall?');
  assert.match(quote, /^… .* …$/);
  assert.ok(text.includes(quote.replace(/^… /, '').replace(/ …$/, '')));
});
