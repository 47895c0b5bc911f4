import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MetadataError } from '../../src/knowledge/errors.js';
import { parseFrontMatter } from '../../src/knowledge/frontMatter.js';
import { isSkipped, loadDocument } from '../../src/knowledge/loadDocument.js';
import { inferMetadata } from '../../src/knowledge/metadata.js';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url);
const ARTICLE = 'The talks in Moscow ended without agreement on Wednesday, officials said.';

test('front-matter values win and nothing is inferred when every field is given', () => {
  const front = {
    title: 'Given title',
    outlet: 'Given Outlet',
    author: 'Given Author',
    published: '2020-09-01',
    url: 'https://example.org/given',
    language: 'en',
  };
  const body = `By Someone Else August 26, 2020\n\n${ARTICLE}\n\nSource: https://other.example/x\n\nJoin the GlobalSecurity.org mailing list`;
  assert.deepEqual(inferMetadata(front, body, 'a.md'), { ...front, inferred: [] });
});

test('a field given as null stays null: the text does not tell, so nothing is guessed', () => {
  const body = `${ARTICLE}\n\nJoin the GlobalSecurity.org mailing list`;
  const meta = inferMetadata({ title: 'T', outlet: null }, body, 'a.md');
  assert.equal(meta.outlet, null);
  assert.ok(!meta.inferred.includes('outlet'));
});

test('missing fields come from the byline, Source line and boilerplate, and are listed as inferred', () => {
  const body = [
    'UNITED24 - Make a charitable donation in support of Ukraine!',
    '[ rfe/rl banner ]',
    'Russian PM In Minsk As Belarus Looks To Ally For Help',
    "By RFE/RL's Belarus Service September 03, 2020",
    ARTICLE,
    'Source: https://www.rferl.org/a/russian-pm- visits-minsk/30818225.html',
    'Copyright (c) 2020. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty.',
    'Join the GlobalSecurity.org mailing list',
  ].join('\n\n');
  assert.deepEqual(inferMetadata({}, body, 'x.txt'), {
    title: 'Russian PM In Minsk As Belarus Looks To Ally For Help',
    // The copyright holder (the publisher) wins over the site that reprinted the article.
    outlet: 'RFE/RL',
    author: "RFE/RL's Belarus Service",
    published: '2020-09-03',
    url: 'https://www.rferl.org/a/russian-pm-visits-minsk/30818225.html',
    language: null,
    inferred: ['title', 'outlet', 'author', 'published', 'url'],
  });
});

test('outlets named by boilerplate', () => {
  const outlet = (footer: string) => inferMetadata({}, `${ARTICLE}\n\n${footer}`, 'a.md').outlet;
  assert.equal(outlet('Join the GlobalSecurity.org mailing list'), 'GlobalSecurity.org');
  assert.equal(
    outlet('It is strictly forbidden to use the information published by DELFI on other websites.'),
    'DELFI',
  );
  assert.equal(outlet('© 2021 Example News. All rights reserved.'), 'Example News');
  // The Trust Project is used by many outlets: it does not tell which one.
  assert.equal(outlet('According to the criteria of The Trust Project'), null);
  assert.equal(outlet(''), null);
});

test('dates from bylines, date lines and dated datelines; none without a year', () => {
  const published = (header: string) =>
    inferMetadata({}, `Title\n\n${header}\n\n${ARTICLE}`, 'a.md').published;
  assert.equal(published('By Charles Maynes August 26, 2020'), '2020-08-26');
  assert.equal(published('September 03, 2020'), '2020-09-03');
  assert.equal(published('3 September 2020'), '2020-09-03');
  assert.equal(published('Published: 2020-09-03'), '2020-09-03');
  assert.equal(published('MINSK, Sept. 3, 2020 (Reuters) - Protests went on.'), '2020-09-03');
  assert.equal(published('MINSK, Sept. 3 (Reuters) - Protests went on.'), null);
  assert.equal(published('By Charles Maynes February 30, 2020'), null);
  // With no byline or dateline, the latest day the text writes out in full dates it (the report is at
  // least that recent), marked as inferred; a day without a year dates nothing.
  assert.equal(
    published('On August 9, 2020, the results of the presidential election triggered a storm.'),
    '2020-08-09',
  );
});

test('an undated document is dated by the latest full date it writes, even when front matter says null', () => {
  const body = `Title\n\nThe vote on August 9, 2020 was disputed. By September 19, 2020 the marches had grown, and on Sept. 20 they went on.\n\n${ARTICLE}`;
  const meta = inferMetadata({ title: 'T', published: null }, body, 'a.md');
  assert.equal(meta.published, '2020-09-19');
  assert.ok(meta.inferred.includes('published'));
  // A dateline is the report's own date, whatever later dates the text writes.
  const dated = inferMetadata({}, `Title\n\nGRODNO, Oct. 12, 2020 (Belarus Wire) — ${body}`, 'a.md');
  assert.equal(dated.published, '2020-10-12');
  assert.equal(inferMetadata({}, `Title\n\nOn Sept. 20 they marched.\n\n${ARTICLE}`, 'a.md').published, null);
});

test('authors come from bylines only', () => {
  const author = (line: string) => inferMetadata({}, `Title\n\n${line}\n\n${ARTICLE}`, 'a.md').author;
  assert.equal(author('By Charles Maynes August 26, 2020'), 'Charles Maynes');
  assert.equal(author('By Jane Doe and John Smith'), 'Jane Doe and John Smith');
  assert.equal(author('By Sunday, more than 100 people had been detained.'), null);
  assert.equal(author('By contrast the talks failed'), null);
});

test('the title is the first line of text, skipping banners and link bullets', () => {
  const title = (body: string) => inferMetadata({}, body, 'fallback-name.md').title;
  assert.equal(
    title(
      '• Crisis.Putin delays the transition\n\nRussia begins to find reasons to intervene.\n\nMore text.',
    ),
    'Russia begins to find reasons to intervene',
  );
  const opening =
    'On August 9, the results of the U.S.-watched presidential election in Belarus triggered a storm';
  assert.equal(
    title(`${opening}. In recent days, the United States, Europe, Russia and others watched.`),
    opening,
  );
  const endless = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
  assert.equal(title(`${endless}.`), `${endless.split(' ').slice(0, 12).join(' ')} …`);
  const meta = inferMetadata({}, '', 'fallback-name.md');
  assert.equal(meta.title, 'fallback-name');
  assert.deepEqual(meta.inferred, ['title']);
  assert.equal(inferMetadata({ title: null }, 'Headline\n\nText.', 'a.md').title, 'Headline');
});

test('invalid given values throw a MetadataError naming the field', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ published: '2020-02-30' }, /published: "2020-02-30" is not a real date/],
    [{ published: '26/08/2020' }, /published/],
    [{ published: 'August 26, 2020' }, /YYYY-MM-DD/],
    [{ url: 'ftp://example.org/a' }, /url: .* not an http\(s\) URL/],
    [{ url: 'www.example.org' }, /url/],
    [{ url: 'https://example.org/a b' }, /url/],
    [{ language: 'English' }, /language/],
  ];
  for (const [front, message] of cases) {
    assert.throws(
      () => inferMetadata({ title: 'T', ...front }, ARTICLE, 'a.md'),
      (error: unknown) => error instanceof MetadataError && message.test(error.message),
      JSON.stringify(front),
    );
  }
  assert.equal(inferMetadata({ published: '2020-02-29' }, ARTICLE, 'a.md').published, '2020-02-29');
});

test('on the shipped documents the heuristics agree with the front matter wherever they find something', () => {
  for (const file of readdirSync(KNOWLEDGE).filter((name) => name.endsWith('.md'))) {
    const { data, body } = parseFrontMatter(readFileSync(new URL(file, KNOWLEDGE), 'utf8'));
    const given = inferMetadata(data, body, file);
    const guessed = inferMetadata({}, body, file);
    assert.deepEqual(given.inferred, [], file);
    for (const field of guessed.inferred) {
      assert.equal(guessed[field], given[field], `${file}: ${field}`);
    }
    assert.equal(guessed.title, given.title, file);
  }
});

test('a Markdown heading as the first line gives the title without its # marks', () => {
  const title = (first: string) => inferMetadata({}, `${first}\n\n${ARTICLE}`, 'a.md').title;
  assert.equal(title('# Vitebsk tram depot strike'), 'Vitebsk tram depot strike');
  assert.equal(title('### Vitebsk tram depot strike ###'), 'Vitebsk tram depot strike');
  assert.equal(title('## C# courses in Minsk #'), 'C# courses in Minsk');
  // Not headings: no space after the marks, or more than six of them.
  assert.equal(title('#5 bolt factory'), '#5 bolt factory');
  assert.equal(title('####### Seven'), '####### Seven');
  // A heading of marks only is no title: the first sentence is.
  assert.equal(title('# ##'), ARTICLE.replace(/\.$/, ''));
});

test('the heading line that gave the title is not left in the text; the rest stays verbatim', () => {
  const body = `# Vitebsk tram depot strike\n\n${ARTICLE}\n\n## Later heading\n\nMore text.`;
  const doc = loadDocument('vitebsk.md', Buffer.from(`${body} ${ARTICLE}`));
  assert.ok(!isSkipped(doc));
  assert.equal(doc.meta.title, 'Vitebsk tram depot strike');
  assert.equal(doc.text, `${ARTICLE}\n\n## Later heading\n\nMore text. ${ARTICLE}`);
  const given = loadDocument(
    'given.md',
    Buffer.from(`---\ntitle: "Vitebsk tram depot strike"\n---\n${body} ${ARTICLE}`),
  );
  assert.ok(!isSkipped(given));
  assert.equal(given.text, doc.text);
});

test('front matter may mark the fields it gives as inferred (read off a web page by add-by-URL)', () => {
  const front = {
    title: 'T',
    outlet: 'Example News',
    published: '2020-09-14',
    inferred: 'outlet, published',
  };
  const meta = inferMetadata(front, ARTICLE, 'a.md');
  assert.equal(meta.outlet, 'Example News');
  assert.deepEqual(meta.inferred, ['outlet', 'published']);
  assert.throws(
    () => inferMetadata({ title: 'T', inferred: 'outlet, colour' }, ARTICLE, 'a.md'),
    (error: unknown) =>
      error instanceof MetadataError && /inferred: "colour" is not a metadata field/.test(error.message),
  );
});
