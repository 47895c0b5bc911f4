import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedListMessage, type ListedFeed } from '../../../src/discord/render/feedListMessage.js';
import {
  feedAddedMessage,
  feedPausedMessage,
  feedRemovedMessage,
  feedResumedMessage,
} from '../../../src/discord/render/feedsMessage.js';

const feed = (over: Partial<ListedFeed>): ListedFeed => ({
  id: 1,
  url: 'https://news.example/rss',
  name: 'News',
  etag: null,
  lastModified: null,
  failures: 0,
  retryAt: null,
  lastError: null,
  lastPolledAt: '2024-05-01T12:00:00.000Z',
  addedAt: '2024-05-01T11:00:00.000Z',
  addedBy: null,
  pausedAt: null,
  pauseReason: null,
  waiting: 0,
  skipped: [],
  ...over,
});

test('/feeds list shows name, URL, last poll, and failures with the back-off and the last error', () => {
  const list = feedListMessage(
    [
      feed({}),
      feed({
        id: 2,
        name: null,
        url: 'https://broken.example/feed',
        failures: 3,
        retryAt: '2024-05-01T13:00:00.000Z',
        lastError: 'the feed answered HTTP 500 <@&1>',
      }),
    ],
    '44444444444444444',
    15,
  );
  const body = list.embeds?.[0]?.description ?? '';
  assert.match(body, /^\*\*News\*\* — https:\/\/news\.example\/rss\n {2}last poll <t:1714564800:R> · ok$/m);
  assert.match(
    body,
    /\*\*https:\/\/broken\.example\/feed\*\* — https:\/\/broken\.example\/feed\n {2}last poll <t:\d+:R> · \*\*3 failures\*\* in a row, next try <t:1714568400:R>: the feed answered HTTP 500/,
  );
  assert.match(body, /HTTP 500 \\<@&1>$/m);
  assert.equal(list.ephemeral, true);
});

test('/feeds list shows a pause with how to resume, what waits for review and the last skipped items with why', () => {
  const list = feedListMessage(
    [
      feed({
        pausedAt: '2024-05-01T12:30:00.000Z',
        pauseReason: '20 of its items wait for review and it kept sending new ones',
        waiting: 20,
        skipped: [
          {
            title: 'Live: <@1> updates',
            link: null,
            reason: 'the page is mostly links',
            at: '2024-05-01T12:20:00.000Z',
          },
          {
            title: null,
            link: 'https://news.example/x',
            reason: 'the item links to no article',
            at: '2024-05-01T12:10:00.000Z',
          },
          { title: 'Third', link: null, reason: 'not shown', at: '2024-05-01T12:00:00.000Z' },
        ],
      }),
    ],
    '44444444444444444',
    15,
  );
  const body = list.embeds?.[0]?.description ?? '';
  assert.match(
    body,
    /^ {2}\*\*paused\*\* <t:1714566600:R>: 20 of its items wait for review and it kept sending new ones; `\/feeds resume` polls it again$/m,
  );
  assert.match(body, /^ {2}20 items waiting for review$/m);
  assert.match(body, /^ {2}skipped <t:1714566000:R>: “Live: \\<@1> updates” — the page is mostly links$/m);
  assert.match(body, /^ {2}skipped <t:\d+:R>: “https:\/\/news\.example\/x” — the item links to no article$/m);
  assert.doesNotMatch(body, /not shown/);
});

test('/feeds add says what it offers now; remove what it withdrew; resume whether it will pause again; the pause notice how to resume', () => {
  const f = feed({});
  assert.match(
    feedAddedMessage(f, { items: 7, offered: 5 }, '44444444444444444').content ?? '',
    /Its newest 5 items are posted to <#44444444444444444> for a moderator to approve now, the other 2 count as seen/,
  );
  assert.match(
    feedAddedMessage(f, { items: 1, offered: 0 }, '44444444444444444').content ?? '',
    /The 1 item it holds now count as seen/,
  );
  assert.match(feedRemovedMessage(f, 3).content ?? '', /Its 3 items waiting for review were withdrawn/);
  assert.match(feedResumedMessage(f, 20).content ?? '', /20 items of it still wait for review/);
  assert.doesNotMatch(feedResumedMessage(f, 3).content ?? '', /still wait/);
  const notice = feedPausedMessage(f, '20 of its items wait for review and it kept sending new ones');
  assert.match(
    notice.embeds?.[0]?.description ?? '',
    /\*\*News\*\* — https:\/\/news\.example\/rss is paused: 20 of its items .*`\/feeds resume`/,
  );
});
