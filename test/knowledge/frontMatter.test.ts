import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrontMatterError } from '../../src/knowledge/errors.js';
import { parseFrontMatter, serializeFrontMatter } from '../../src/knowledge/frontMatter.js';

test('reads quoted, bare and null values, skipping comments', () => {
  const source = [
    '---',
    '# a comment',
    'title: "Russian PM \\"In\\" Minsk"',
    "author: 'RFE/RL''s Belarus Service'",
    'published: 2020-09-03 # trailing comment',
    'url: https://example.org/a#b',
    'outlet: null',
    'language: ~',
    'note:',
    '',
    '---',
    'Body line one.',
    '',
  ].join('\n');
  const { data, body, bodyOffset } = parseFrontMatter(source);
  assert.deepEqual(data, {
    title: 'Russian PM "In" Minsk',
    author: "RFE/RL's Belarus Service",
    published: '2020-09-03',
    url: 'https://example.org/a#b',
    outlet: null,
    language: null,
    note: null,
  });
  assert.equal(body, 'Body line one.\n');
  assert.equal(source.slice(bodyOffset), body);
});

test('decodes escapes in double-quoted strings', () => {
  const { data } = parseFrontMatter(
    '---\na: "tab\\tnew\\nline \\u00e9 \\x41 \\\\ \\/"\nb: "# not a comment"\n---\n',
  );
  assert.equal(data.a, 'tab\tnew\nline é A \\ /');
  assert.equal(data.b, '# not a comment');
});

test('a file without a leading --- has no front matter', () => {
  const source = 'Just an article.\n---\nkey: value\n';
  assert.deepEqual(parseFrontMatter(source), { data: {}, body: source, bodyOffset: 0 });
  assert.deepEqual(parseFrontMatter('').data, {});
});

test('handles a UTF-8 BOM and CRLF line endings', () => {
  const source = '\uFEFF---\r\ntitle: "A"\r\nurl: https://x.org\r\n---\r\nBody\r\n';
  const { data, body, bodyOffset } = parseFrontMatter(source);
  assert.deepEqual(data, { title: 'A', url: 'https://x.org' });
  assert.equal(body, 'Body\r\n');
  assert.equal(source.slice(bodyOffset), body);
  assert.equal(parseFrontMatter('\uFEFFNo front matter').body, 'No front matter');
});

test('rejects broken front matter with a message naming the problem', () => {
  const cases: [string, RegExp][] = [
    ['---\ntitle: "A"\nBody without a closing fence\n', /never closed/],
    ['---\ntitle: "A"\n', /never closed/],
    ['---\njust some words\n---\n', /line 2: expected "key: value"/],
    ['---\ntitle: A\ntitle: B\n---\n', /line 3: duplicate key "title"/],
    ['---\ntitle: "unterminated\n---\n', /missing closing double quote/],
    ["---\ntitle: 'unterminated\n---\n", /missing closing single quote/],
    ['---\ntitle: "A" extra\n---\n', /unexpected text after the closing quote/],
    ['---\ntags: [a, b]\n---\n', /only plain strings/],
    ['---\nmeta:\n  nested: 1\n---\n', /line 3: indented lines/],
    ['---\ntitle: "bad \\q escape"\n---\n', /unknown escape/],
    ['---\nbad key: x\n---\n', /expected "key: value"/],
  ];
  for (const [source, message] of cases) {
    assert.throws(
      () => parseFrontMatter(source),
      (error: unknown) => {
        assert.ok(error instanceof FrontMatterError, `FrontMatterError for ${JSON.stringify(source)}`);
        assert.match(error.message, message);
        return true;
      },
    );
  }
});

test('serialize round-trips through parse', () => {
  const data = {
    title: 'Quotes " and \\ backslashes, # hashes: colons',
    author: null,
    empty: '',
    literal_null: 'null',
    multi: 'line one\nline two\r\n\ttabbed',
    unicode: 'naus ė Da — “quoted” \u0001',
    published: '2020-08-26',
  };
  const body = 'The body.\n';
  const text = serializeFrontMatter(data) + body;
  assert.ok(text.startsWith('---\n'));
  const parsed = parseFrontMatter(text);
  assert.deepEqual(parsed.data, data);
  assert.equal(parsed.body, body);
  assert.equal(serializeFrontMatter({}), '---\n---\n');
  assert.throws(() => serializeFrontMatter({ 'bad key': 'x' }), FrontMatterError);
});
