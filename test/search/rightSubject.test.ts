import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildState } from '../../src/engine/buildState.js';
import { answerQuery } from '../../src/search/answerQuery.js';
import { timeline } from '../../src/search/timeline.js';
import { BUILT_IN_ALIASES } from '../../src/text/aliasTable.js';
import type { KnowledgeDocument } from '../../src/types.js';

function doc(
  id: string,
  title: string,
  outlet: string,
  published: string | null,
  text: string,
): KnowledgeDocument {
  return {
    id,
    file: `${id}.md`,
    hash: id,
    text,
    meta: { title, outlet, author: null, published, url: null, language: 'en', inferred: [] },
  };
}

const FILLER =
  'The weather stayed mild for most of the week. Shops opened late on the holiday. Trains ran on the usual ' +
  'timetable and the river traffic was light. Farmers brought the last apples to the market.';

const corpus = [
  doc(
    'lida',
    'Bakers at the Lida bread plant stop their ovens',
    'Wire A',
    '2020-09-15',
    `Bakers at the Lida bread plant stopped their ovens on Tuesday in protest over the election, the plant's strike committee said.\n\nThe plant bakes about 40 tonnes of bread a day. Its workers said they would still bake for hospitals. ${FILLER}`,
  ),
  doc(
    'metro-1',
    'Minsk metro shuts seven stations',
    'Wire A',
    '2020-08-30',
    `The Minsk metro closed seven stations in the city centre on Sunday as marchers gathered. ${FILLER}`,
  ),
  doc(
    'metro-2',
    'Minsk metro shuts eleven stations',
    'Wire B',
    '2020-09-06',
    `The Minsk metro closed eleven stations in the city centre on Sunday as marchers gathered. ${FILLER}`,
  ),
  doc(
    'metro-3',
    'Minsk metro shuts sixteen stations',
    'Wire C',
    '2020-10-04',
    `The Minsk metro closed sixteen stations in the city centre on Sunday as marchers gathered. ${FILLER}`,
  ),
  doc(
    'march-a',
    'Thousands march in Hrodna',
    'Wire A',
    '2020-10-11',
    `About 12,000 people marched through the centre of Hrodna on Sunday, organisers said. ${FILLER}`,
  ),
  doc(
    'march-b',
    'Police count the Hrodna rally',
    'Wire D',
    '2020-10-11',
    `No more than 2,500 people marched in the Hrodna rally on Sunday, the city police said. ${FILLER}`,
  ),
];

let state: Awaited<ReturnType<typeof buildState>>;
const ask = async (q: string) => {
  state ??= await buildState(corpus, BUILT_IN_ALIASES, []);
  return answerQuery(state, q, { limit: 5 });
};

test('a question about a sibling subject is not answered with a passage about another: it says what is missing', async () => {
  const slonim = await ask('How much bread does the bread plant in Slonim bake a day?');
  assert.equal(slonim.answered, false);
  assert.deepEqual(slonim.missing, ['Slonim']);
  assert.ok(
    slonim.suggestions.includes('Bakers at the Lida bread plant stop their ovens'),
    slonim.suggestions.join(),
  );
  const warsaw = await ask('How many stations did the Warsaw metro close?');
  assert.equal(warsaw.answered, false);
  assert.deepEqual(warsaw.missing, ['Warsaw']);
  // The subject's own question is answered, also when only the document's title names the subject.
  const lida = await ask('How much bread does the Lida bread plant bake a day?');
  assert.equal(lida.citations[0]?.documentId, 'lida');
  assert.match(lida.citations[0]?.quote ?? '', /40 tonnes of bread a day/);
});

test('a question about the present puts the newest report first; a plain one keeps relevance order', async () => {
  const now = await ask('How many Minsk metro stations are closed now?');
  assert.deepEqual(
    now.citations.map((c) => c.documentId),
    ['metro-3', 'metro-2', 'metro-1'],
  );
  assert.deepEqual(
    now.citations.map((c) => c.source.published),
    ['2020-10-04', '2020-09-06', '2020-08-30'],
  );
});

test('a question naming a day is answered from that day only', async () => {
  const onDay = await ask('How many Minsk metro stations were closed on September 6?');
  assert.deepEqual(
    onDay.citations.map((c) => c.documentId),
    ['metro-2'],
  );
  const otherDay = await ask('How many Minsk metro stations were closed on September 20?');
  assert.equal(otherDay.answered, false);
});

test('reports that give different figures for the same thing are both quoted, and the answer says they differ', async () => {
  const crowd = await ask('How many people marched in Hrodna?');
  assert.equal(crowd.differs, true);
  assert.deepEqual(
    new Set(crowd.citations.slice(0, 2).map((c) => c.documentId)),
    new Set(['march-a', 'march-b']),
  );
  const bread = await ask('How much bread does the Lida bread plant bake a day?');
  assert.equal(bread.differs, undefined);
});

test('the timeline lists the dated passages on a topic, oldest first', async () => {
  state ??= await buildState(corpus, BUILT_IN_ALIASES, []);
  const page = timeline(state, 'Minsk metro stations closed', 0, 10);
  assert.deepEqual(
    page.items.map((c) => c.documentId),
    ['metro-1', 'metro-2', 'metro-3'],
  );
  assert.equal(timeline(state, 'Warsaw metro stations closed', 0, 10).total, 0);
});
