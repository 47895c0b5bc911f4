import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_ALIAS_GROUPS, buildAliasTable, parseAliasGroups } from '../../src/text/aliases.js';
import { aliasTableFor } from '../../src/text/aliasTable.js';
import { analyze, analyzeTokens, analyzeWord } from '../../src/text/analyze.js';
import { foldText, foldWord } from '../../src/text/fold.js';
import { nameKey } from '../../src/text/nameKey.js';
import { stem } from '../../src/text/stem.js';
import { tokenize } from '../../src/text/tokenize.js';

const terms = (text: string) => analyze(text).map((t) => t.term);
const keyOf = (word: string) => analyzeWord(word)?.key;

test('folding removes diacritics and case, and straightens apostrophes', () => {
  assert.equal(foldText('Nausėda'), 'nauseda');
  assert.equal(foldText('Łukaszenka'.normalize('NFC')), 'łukaszenka');
  assert.equal(foldWord('Lukashenka’s'), 'lukashenka');
  assert.equal(foldWord("Belarus'"), 'belarus');
  assert.equal(foldWord('ＯＳＣＥ'), 'osce');
});

test('stop words and question words are dropped, content words stay', () => {
  assert.deepEqual(terms('What did the OSCE chair offer?'), ['osce', 'chair', 'offer']);
  assert.deepEqual(terms('Who is going to visit Russia?'), ['go', 'visit', stem('russia')]);
  assert.deepEqual(terms('How many were there, and why?'), []);
});

test('stemming makes inflections meet, including irregular verbs', () => {
  assert.equal(stem('protests'), stem('protested'));
  assert.equal(stem('protesting'), stem('protest'));
  assert.equal(stem('officials'), stem('officially'));
  assert.equal(stem('evacuated'), stem('evacuate'));
  assert.equal(stem('countries'), stem('country'));
  assert.equal(stem('won'), stem('win'));
  assert.equal(stem('crisis'), 'crisis');
  assert.equal(stem('status'), 'status');
});

test('demonyms meet their country, and nouns their verbs', () => {
  assert.equal(stem('lithuanian'), stem('lithuania'));
  assert.equal(stem('ukrainian'), stem('ukraine'));
  assert.equal(stem('belarusian'), stem('belarus'));
  assert.equal(stem('obligations'), stem('obliges'));
  assert.equal(stem('elections'), stem('elected'));
  assert.equal(stem('governments'), stem('governed'));
  assert.equal(stem('militarily'), stem('military'));
  assert.notEqual(stem('statement'), stem('state'));
});

test('numbers keep their value: decimals, percentages, thousands', () => {
  assert.deepEqual(terms('Lukashenko won 80.1% of the vote; 150,000 people'), [
    'lukashenko',
    'win',
    '80.1',
    'vote',
    '150000',
    'peopl',
  ]);
});

test('acronyms survive even when they spell a stop word', () => {
  assert.deepEqual(terms('the U.S. and the US, but not us'), ['us', 'us']);
  assert.deepEqual(terms('E.U. sanctions'), ['eu', stem('sanctions')]);
});

test('transliterations of one name share a key', () => {
  assert.equal(keyOf('Lukashenka'), keyOf('Lukashenko'));
  assert.equal(keyOf('Biegun'), keyOf('Bigan'));
  assert.equal(keyOf('Beigun'), keyOf('Biegun'));
  assert.equal(keyOf('Tsikhanouskaya'), keyOf('Cichanouskaya'));
  assert.equal(keyOf('Alyaksandr'), keyOf('Alexander'));
  assert.equal(keyOf('Nausėda'), keyOf('Nauseda'));
  assert.notEqual(keyOf('Lukashenko'), keyOf('Lavrov'));
  // Belarusian and Russian spellings of one place: дз/д, and an initial г written h or g.
  assert.equal(keyOf('Zhodzina'), keyOf('Zhodino'));
  assert.equal(keyOf('Hrodna'), keyOf('Grodno'));
  assert.equal(keyOf('Homiel'), keyOf('Gomel'));
});

test('short words get no name key', () => {
  assert.equal(nameKey('eu'), null);
  assert.equal(nameKey('win'), null);
  assert.equal(nameKey('chair'), null);
});

test('analyzed tokens keep their offsets in the original text', () => {
  const text = 'Biegun met Lavrov in Moscow.';
  for (const token of analyze(text))
    assert.equal(text.slice(token.start, token.end).toLowerCase(), token.raw.toLowerCase());
});

test('aliases rewrite every form of a group to one term, multi-word forms included', () => {
  const aliases = aliasTableFor([['CSTO', 'Collective Security Treaty Organization']]);
  const termsWith = (text: string) => analyze(text, aliases).map((t) => t.term);
  assert.deepEqual(termsWith('the United States'), termsWith('the U.S.'));
  assert.deepEqual(termsWith('USA'), termsWith('US'));
  assert.deepEqual(termsWith('the Collective Security Treaty Organization'), termsWith('CSTO'));
  const [merged] = analyze('the Collective Security Treaty Organization met', aliases);
  assert.equal(merged?.start, 4);
  assert.equal(merged?.end, 43);
});

test('alias files report malformed lines and their signature follows their content', () => {
  const { groups, errors } = parseAliasGroups(
    '# names\nCSTO = Collective Security Treaty Organization\njust one form\n',
  );
  assert.deepEqual(groups, [['CSTO', 'Collective Security Treaty Organization']]);
  assert.deepEqual(errors, [{ line: 3, reason: 'needs at least two forms separated by "="' }]);
  const toTerms = (f: string) => analyze(f).map((t) => t.term);
  assert.notEqual(buildAliasTable(groups, toTerms).signature, buildAliasTable([], toTerms).signature);
  assert.ok(BUILT_IN_ALIAS_GROUPS.length > 0);
});

test('names typed in Cyrillic meet their Latin spellings through the name key', () => {
  assert.equal(keyOf('Лукашенко'), keyOf('Lukashenko'));
  assert.equal(keyOf('Лукашэнка'), keyOf('Lukashenka'));
  assert.equal(keyOf('Ціханоўская'), keyOf('Tsikhanouskaya'));
  assert.equal(keyOf('Навальный'), keyOf('Navalny'));
  assert.equal(keyOf('Минск'), keyOf('Minsk'));
  assert.equal(analyzeWord('Лукашенко')?.term, 'lukashenko');
  assert.equal(analyzeWord('Тихановская')?.term, 'tikhanovskaya');
});

test('Russian, Belarusian and Ukrainian function words are dropped; other Cyrillic letters never loop', () => {
  assert.deepEqual(terms('Где сейчас Тихановская?'), ['tikhanovskaya']);
  assert.deepEqual(terms('Што сказаў Лукашэнка'), ['lukashenka']);
  assert.deepEqual(terms('Що сказав Зеленський'), ['zelensky']);
  // Letters of alphabets beyond the three fold or go, and the word is still analysed once.
  assert.equal(analyzeWord('Қазақстан')?.term, 'azastan');
});

test('analysing tokens already found gives what analysing the text does, aliases and all', () => {
  const aliases = aliasTableFor([['Tsikhanouskaya', 'Tikhanovskaya']]);
  for (const text of [
    "Svetlana Tikhanovskaya's team met the E.U. envoy in Vilnius on 9 August; 150,000 marched.",
    'Лукашенко встретился с Путиным в Сочи. The U.S. said nothing.',
    'The European Union and the United Nations spoke of 80.1 per cent.',
    '',
  ]) {
    assert.deepEqual(analyzeTokens(tokenize(text), aliases), analyze(text, aliases), text);
    assert.deepEqual(analyzeTokens(tokenize(text)), analyze(text), text);
  }
});
