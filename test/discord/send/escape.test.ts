import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idList } from '../../../src/discord/render/idList.js';
import { reindexMessage } from '../../../src/discord/render/reindexMessage.js';
import { boldRanges, escapeForDiscord, inlineCode } from '../../../src/discord/send/escape.js';
import type { ReindexReport } from '../../../src/engine/reindexReport.js';
import { countMarkers } from '../../helpers/markdown.js';

const HOSTILE = [
  '@everyone <@123> **bold** [link](https://x.example)',
  '@here <@&5> <#7> # Heading\n> quote\n- item ||spoiler|| ~~strike~~ `code` _u_',
  '<@!42> <t:1700000000:R> </ask:99> <:wave:1> <a:spin:2> <id:customize> [a [b](https://y.example)](z)',
  '## Big\n-# small\n>>> all quoted\n* star\n+ plus\n12. numbered\n  - nested\n### h3',
  'C:\\new\\*folder* and \\[not](a link) ***triple*** __under__',
];

// Patterns that mimic Discord's parser on the escaped output.
const MENTION = /(?<!\\)<(?:@[!&]?\d+|#\d+|\/[\w -]+:\d+|t:\d+(?::\w)?|a?:\w+:\d+|id:\w+)>/;
const MASS_MENTION = /@(?!\u200b)(?:everyone|here)/;
const MASKED_LINK = /(?<!\\)\[[^\]]*\]\((?!\s)/;
const BLOCK = /^[ \t]*(?:#{1,3} |-# |>|[-*+] |\d+\. )/m;

/** What a reader sees: escapes resolved, zero-width spaces invisible. */
function visible(markdown: string): string {
  return markdown.replace(/\\([^0-9A-Za-z\s])/g, '$1').replaceAll('\u200b', '');
}

/** Formatting characters Discord would act on: those not escaped by a backslash. */
function unescapedFormatting(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if ('*_~`|'.includes(markdown[i]!)) found.push(`${markdown[i]} at ${i}`);
  }
  return found;
}

/** Removes our own `**` markers (escape-aware), leaving the escaped text. */
function withoutBoldMarkers(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') out += markdown.slice(i, ++i + 1);
    else if (markdown.startsWith('**', i)) i++;
    else out += markdown[i];
  }
  return out;
}

test('hostile documents: no pings, pills, masked links, blocks or formatting; the words are all there', () => {
  for (const doc of HOSTILE) {
    const out = escapeForDiscord(doc);
    assert.doesNotMatch(out, MENTION, doc);
    assert.doesNotMatch(out, MASS_MENTION, doc);
    assert.doesNotMatch(out, MASKED_LINK, doc);
    assert.doesNotMatch(out, BLOCK, doc);
    assert.deepEqual(unescapedFormatting(out), [], doc);
    assert.equal(visible(out), doc, 'a faithful quote');
  }
});

test('the two reference documents escape exactly like this', () => {
  assert.equal(
    escapeForDiscord('@everyone <@123> **bold** [link](https://x.example)'),
    '@\u200beveryone \\<@123> \\*\\*bold\\*\\* \\[link](https://x.example)',
  );
  assert.equal(
    escapeForDiscord('@here <@&5> <#7> # Heading\n> quote\n- item ||spoiler|| ~~strike~~ `code` _u_'),
    '@\u200bhere \\<@&5> \\<#7> # Heading\n\\> quote\n\\- item \\|\\|spoiler\\|\\| \\~\\~strike\\~\\~ \\`code\\` \\_u\\_',
  );
});

test('ordinary punctuation is left alone', () => {
  const prose =
    'Prices rose 5% (a record) - said the minister; 3 < 4 and 2 > 1. "Quoted", e.g. 1.5 #1 #hashtag a@b.c';
  assert.equal(escapeForDiscord(prose), prose);
});

test('bare links stay clickable and unescaped; <link> too', () => {
  const doc = 'see https://example.com/a_b*c~d and <https://example.org/x_y>.';
  assert.equal(escapeForDiscord(doc), doc);
});

test('a link directly before a mention is defused rather than swallowing the escape', () => {
  const out = escapeForDiscord('https://x.example/<@123> and https://x.example.<#5>');
  assert.doesNotMatch(out, MENTION);
  assert.doesNotMatch(out, /https?:\/\//, 'no autolink left to absorb the backslash');
  assert.equal(visible(out), 'https://x.example/<@123> and https://x.example.<#5>');
});

test('runs of three or more newlines become two', () => {
  assert.equal(escapeForDiscord('a\n\n\n\nb\n\nc\nd\n\n\n'), 'a\n\nb\n\nc\nd\n\n');
});

test('boldRanges merges overlapping and adjacent ranges, in any order', () => {
  const text = 'alpha beta gamma delta';
  assert.equal(
    boldRanges(text, [
      { start: 3, end: 10 },
      { start: 0, end: 5 },
    ]),
    '**alpha beta** gamma delta',
  );
  assert.equal(
    boldRanges(text, [
      { start: 0, end: 5 },
      { start: 5, end: 6 },
      { start: 6, end: 10 },
    ]),
    '**alpha beta** gamma delta',
  );
  assert.equal(
    boldRanges(text, [
      { start: 0, end: 5 },
      { start: 17, end: 22 },
    ]),
    '**alpha** beta gamma **delta**',
  );
});

test('boldRanges clamps, trims and ignores empty or blank ranges', () => {
  const text = 'alpha beta gamma';
  assert.equal(boldRanges(text, [{ start: 10, end: 100 }]), 'alpha beta **gamma**');
  assert.equal(
    boldRanges(text, [
      { start: 5, end: 6 },
      { start: 8, end: 8 },
      { start: -3, end: 0 },
    ]),
    text,
  );
  assert.equal(boldRanges(text, []), escapeForDiscord(text));
});

test('boldRanges escapes inside and outside the bold', () => {
  assert.equal(boldRanges('**x** and _y_', [{ start: 0, end: 5 }]), '**\\*\\*x\\*\\*** and \\_y\\_');
  assert.equal(boldRanges('@everyone said', [{ start: 0, end: 9 }]), '**@\u200beveryone** said');
});

test('boldRanges never splits an emoji or a link, and never spans lines', () => {
  assert.equal(boldRanges('a 😀 b', [{ start: 2, end: 3 }]), 'a **😀** b');
  assert.equal(
    boldRanges('go to https://x.example/a_b now', [{ start: 10, end: 12 }]),
    'go to **https://x.example/a_b** now',
  );
  assert.equal(boldRanges('one two\nthree four', [{ start: 4, end: 13 }]), 'one **two**\n**three** four');
});

test('boldRanges on hostile text: every pair of ranges gives balanced markers and the same visible text', () => {
  const doc = `${HOSTILE[0]!}\n${HOSTILE[1]!}`;
  const cuts = [0, 1, 9, 10, 16, 17, 19, 25, 26, 33, 40, 51, 52, 58, 70, 80, doc.length];
  for (const a of cuts)
    for (const b of cuts)
      for (const c of cuts) {
        const out = boldRanges(doc, [
          { start: a, end: b },
          { start: b - 1, end: c },
        ]);
        assert.ok(!out.includes('****'), out);
        assert.equal(countMarkers(out) % 2, 0, out);
        assert.equal(visible(withoutBoldMarkers(out)), doc);
        assert.doesNotMatch(out, MENTION);
        assert.doesNotMatch(out, MASS_MENTION);
        assert.doesNotMatch(out, MASKED_LINK);
      }
});

/**
 * What Discord shows for inline code at the start of `markdown` (simple-markdown's inlineCode rule, which
 * Discord uses: a run of backticks, the shortest content ending in a non-backtick, the same run not followed
 * by another backtick; one space next to a backtick at either end is dropped), and what follows it.
 */
function parseInlineCode(markdown: string): { code: string; rest: string } | null {
  const m = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(markdown);
  if (!m) return null;
  return { code: m[2]!.replace(/^ (?= *`)|(` *) $/g, '$1'), rest: markdown.slice(m[0].length) };
}

test('inlineCode shows the text itself: no backslashes, whatever backticks it holds, on one line', () => {
  for (const text of [
    'my_report.md',
    'a`b',
    '`start',
    'end`',
    'a``b',
    '```',
    '*x* ~~y~~ \\ [l](https://x.example)',
  ]) {
    const out = inlineCode(text);
    assert.deepEqual(parseInlineCode(out), { code: text, rest: '' }, out);
  }
  assert.equal(inlineCode('my_report'), '`my_report`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.deepEqual(parseInlineCode(inlineCode('one\ntwo\r\nthree')), { code: 'one two three', rest: '' });
  // Mentions inside code never render, and allowedMentions is empty anyway.
  assert.equal(inlineCode('@everyone <@123>'), '`@everyone <@123>`');
});

test('file names and ids in moderator messages are shown as code, literally', () => {
  assert.equal(idList('Removed', ['my_report', 'x`y']), '**Removed:** `my_report`, ``x`y``');
  const report: ReindexReport = {
    mode: 'incremental',
    added: [],
    changed: [],
    removed: [],
    arrived: [],
    skipped: [{ file: 'my_report`.md', reason: 'empty file' }],
    documents: 5,
    passagesBefore: 10,
    passagesAfter: 10,
    ms: 1,
    applyMs: 1,
    saveMs: 1,
    saved: true,
  };
  const description = reindexMessage(report).embeds?.[0]?.description ?? '';
  const skipped = description.slice(description.indexOf('Skipped ') + 'Skipped '.length);
  assert.deepEqual(parseInlineCode(skipped), { code: 'my_report`.md', rest: ': empty file' });
});
