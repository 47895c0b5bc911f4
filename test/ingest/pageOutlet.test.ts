import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesSite, pageOutlet } from '../../src/ingest/pageOutlet.js';
import { siteOf } from '../../src/ingest/site.js';

test('a claim names its site when its first words, whole or by initials, spell the site’s name', () => {
  const cases: [claim: string, url: string, names: boolean][] = [
    ['Reuters', 'https://www.reuters.com/world/x', true],
    ['BBC News', 'https://www.bbc.co.uk/news/x', true],
    ['RFE/RL', 'https://www.rferl.org/a', true],
    ['Radio Free Europe/Radio Liberty', 'https://www.rferl.org/a', true],
    ['The Guardian', 'https://www.theguardian.com/world/x', true],
    ['The New York Times', 'https://www.nytimes.com/x', true],
    ['Novaya Gazeta Europe', 'https://novaya-gazeta.eu/x', true],
    ['Deutsche Welle', 'https://www.dw.com/x', true],
    ['Charter 97', 'https://charter97.org/x', true],
    ['TUT.BY', 'https://news.tut.by/x', true],
    ['Réuters', 'https://reuters.com/x', true],
    // Another site, a longer name, one initial, a later word alone, an address.
    ['Reuters', 'https://evil.example/x', false],
    ['Reuters', 'https://reutersfake.com/x', false],
    ['Reuters', 'https://r.com/x', false],
    ['BBC News', 'https://news.xyz/x', false],
    ['Example News', 'https://www.news.example/x', false],
    ['Reuters', 'http://127.0.0.1:8080/x', false],
    ['localhost', 'http://localhost/x', false],
    // A Cyrillic "е" among Latin letters spells no ASCII name, though it looks like one.
    ['Rеuters', 'https://ruters.com/x', false],
    ['Новости', 'https://xn--b1amnebsh.xn--p1ai/x', false],
    [
      'The reuters of this page is a very long sentence that goes on and on without end',
      'https://the.com/',
      false,
    ],
  ];
  for (const [claim, url, expected] of cases)
    assert.equal(namesSite(claim, siteOf(url)), expected, `${claim} on ${url}`);
});

test('the first claim that names the site is the outlet; else the site is, and the first claim is kept as one', () => {
  const ogName = { value: 'Home', from: 'og:site_name' };
  const publisher = { value: 'Reuters', from: 'JSON-LD publisher' };
  assert.deepEqual(pageOutlet([ogName, publisher], 'https://www.reuters.com/x'), {
    outlet: publisher,
    claim: null,
  });
  assert.deepEqual(pageOutlet([publisher], 'http://127.0.0.1:8080/x'), {
    outlet: { value: '127.0.0.1', from: 'host' },
    claim: 'Reuters',
  });
  assert.deepEqual(pageOutlet([], 'https://www.evil.example/x'), {
    outlet: { value: 'evil.example', from: 'host' },
    claim: null,
  });
  const own = pageOutlet([{ value: 'Evil.Example', from: 'og:site_name' }], 'https://m.evil.example/x');
  assert.equal(own.claim, null, 'a claim that is the site itself adds nothing');
  const long = pageOutlet(
    [{ value: `Reuters\n${'word '.repeat(60)}`, from: 'og:site_name' }],
    'https://a.example/',
  );
  assert.equal(long.claim?.length, 100);
  assert.ok(long.claim?.startsWith('Reuters word') && long.claim.endsWith('…'));
});
