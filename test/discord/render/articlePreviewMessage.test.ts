import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  articlePreviewEmbed,
  articlePreviewMessage,
  FROM_PAGE_MARK,
  PREVIEW_FOOTER,
} from '../../../src/discord/render/articlePreviewMessage.js';
import { fitMessage } from '../../../src/discord/send/payload.js';
import type { ArticlePreview } from '../../../src/ingest/articleDocument.js';

const preview: ArticlePreview = {
  file: 'minsk-protests-grow.md',
  title: 'Minsk protests grow',
  outlet: 'Example News',
  author: 'Jane Reporter',
  published: '2020-08-16',
  url: 'https://news.example/a/minsk-protests',
  inferred: ['title', 'outlet', 'author', 'published', 'url'],
  passages: 4,
  words: 512,
  firstPassage: 'Tens of thousands marched in Minsk on Sunday.\nThe crowd was the largest yet.',
};

const description = (p: ArticlePreview = preview) => articlePreviewEmbed(p).description ?? '';

test('an outlet the page only claimed is shown after its site, as a claim, escaped', () => {
  const claimed = { ...preview, outlet: 'evil.example', outletClaim: 'Reuters *breaking* <@123>' };
  assert.match(
    description(claimed),
    /^\*\*Outlet:\*\* evil\.example \(claims to be Reuters \\\*breaking\\\* \\<@123>\) \*\(from the page\)\*$/m,
  );
});

test('the preview shows title, outlet, author, date, URL, passages and the first passage quoted', () => {
  const text = description();
  assert.match(text, /^\*\*Title:\*\* Minsk protests grow \*\(from the page\)\*$/m);
  assert.match(text, /^\*\*Outlet:\*\* Example News/m);
  assert.match(text, /^\*\*Author:\*\* Jane Reporter/m);
  assert.match(text, /^\*\*Date:\*\* 2020-08-16/m);
  assert.match(text, /^\*\*URL:\*\* https:\/\/news\.example\/a\/minsk-protests/m);
  assert.match(text, /^\*\*Passages:\*\* 4 \(512 words\) · as `minsk-protests-grow\.md`$/m);
  assert.match(
    text,
    /^> Tens of thousands marched in Minsk on Sunday\.\n> The crowd was the largest yet\.$/m,
  );
  assert.equal(articlePreviewEmbed(preview).footer?.text, PREVIEW_FOOTER);
  assert.equal(articlePreviewEmbed(preview).title, 'Article preview');
});

test('an article under 80 words is marked a brief', () => {
  assert.match(description({ ...preview, words: 53 }), /^\*\*Passages:\*\* 4 \(brief, 53 words\) · as/m);
  assert.match(description({ ...preview, words: 80 }), /^\*\*Passages:\*\* 4 \(80 words\) · as/m);
});

test('fields the moderator gave are not marked as read off the page; missing ones say so', () => {
  const text = description({ ...preview, inferred: ['url'], author: null, outlet: null, published: null });
  assert.ok(!text.includes(`Minsk protests grow${FROM_PAGE_MARK}`));
  assert.match(text, /^\*\*Author:\*\* unknown$/m);
  assert.match(text, /^\*\*Outlet:\*\* unknown$/m);
  assert.match(text, /^\*\*Date:\*\* undated$/m);
  assert.match(description({ ...preview, url: null }), /^\*\*URL:\*\* none$/m);
  assert.match(description({ ...preview, firstPassage: null }), /\*\*Passages:\*\*[^\n]*$/);
});

test('text from the page can neither ping, link nor format', () => {
  const text = description({
    ...preview,
    title: '@everyone **Breaking** <@123456789012345678>',
    outlet: '[Click](https://evil.example)',
    firstPassage: '# Heading\n@here see <@&987654321098765432> and ||spoiler||',
  });
  assert.ok(!/@everyone(?!\u200b)/.test(text), 'a mass mention stays inert');
  assert.ok(!/(?<!\\)<@/.test(text), 'no user or role mention');
  assert.ok(!text.includes('**Breaking**'), 'no bold from the page');
  assert.ok(!/(?<!\\)\[Click\]/.test(text), 'no masked link from the page');
  assert.ok(!/^> #/m.test(text), 'no heading in the quote');
  assert.ok(!/(?<!\\)\|\|spoiler/.test(text));
});

test('a URL that is not http(s) is shown as escaped text, never as a link', () => {
  const text = description({ ...preview, url: 'javascript:alert(1)//_x_' });
  assert.match(text, /^\*\*URL:\*\* javascript:alert\(1\)\/\/\\_x\\_/m);
});

test('a long first passage is cut, and the message fits Discord with room to spare', () => {
  const long = 'The march went on for hours. '.repeat(400);
  const message = articlePreviewMessage({ ...preview, title: 'T'.repeat(2000), firstPassage: long });
  const text = message.embeds?.[0]?.description ?? '';
  assert.ok(text.length < 2500, `${text.length} characters`);
  assert.match(text, /…$/);
  assert.deepEqual(fitMessage(message), message, 'already within every limit');
  assert.equal(message.components, undefined, 'buttons are the caller’s');
});

test('heading, note and footer can be set by the caller (the review channel reuses the preview)', () => {
  const embed = articlePreviewEmbed(preview, {
    heading: 'New in feed: Example',
    note: 'Approved by a moderator',
    footer: 'From a feed',
  });
  assert.equal(embed.title, 'New in feed: Example');
  assert.match(embed.description ?? '', /^Approved by a moderator$/m);
  assert.equal(embed.footer?.text, 'From a feed');
});
