import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buttonsOf,
  EPHEMERAL,
  type MessageView,
  NO_MENTIONS,
  ranksIn,
  unbold,
} from '../helpers/discordView.js';
import { useBundledEngine } from '../helpers/fakeContext.js';
import type { OptionValue } from '../helpers/fakeInteraction.js';
import { inProcessBot } from '../helpers/inProcessBot.js';

// /search, /sources, /passage, autocomplete and /help through the real router and commands, in process.
const bot = inProcessBot(useBundledEngine());

const command = (name: string, options: Record<string, OptionValue> = {}) => bot.command(name, options);

/** One listed passage: `[n] Title — Outlet, date · \`id\`` then its quote, every line block-quoted. */
interface Listed {
  rank: number;
  source: string;
  id: string;
  quote: string[];
}

function listing(message: MessageView): { items: Listed[]; footer: string; title: string } {
  assert.equal(message.embeds.length, 1);
  const embed = message.embeds[0];
  const items = (embed?.description ?? '').split('\n\n').map((entry) => {
    const [head = '', ...quote] = entry.split('\n');
    const m = /^\[(\d+)\] (.+ — .+) · `([0-9a-f]{12})`$/.exec(head);
    assert.ok(m, `source line with passage id: ${head}`);
    assert.ok(quote.length > 0, `a quote under ${head}`);
    for (const line of quote) assert.match(line, /^> \S/, `every quote line is block-quoted: ${entry}`);
    return { rank: Number(m[1]), source: m[2] as string, id: m[3] as string, quote };
  });
  return { items, footer: embed?.footer?.text ?? '', title: embed?.title ?? '' };
}

function pager(message: MessageView) {
  const [previous, next] = buttonsOf(message);
  assert.equal(previous?.label, 'Previous');
  assert.match(next?.label ?? '', /^Next/);
  return { previous: previous as NonNullable<typeof previous>, next: next as NonNullable<typeof next> };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

async function autocomplete(name: string, focused: string, options: Record<string, OptionValue>) {
  const { choices, log } = await bot.autocomplete(name, focused, options);
  assert.equal(log.command, name);
  assert.ok(Array.isArray(choices));
  assert.ok(choices.length <= 25);
  for (const c of choices) {
    assert.ok(c.name.length >= 1 && c.name.length <= 100, `name within 1..100: ${c.name}`);
    assert.ok(String(c.value).length >= 1 && String(c.value).length <= 100);
    assert.doesNotMatch(`${c.name}${c.value}`, LONE_SURROGATE, JSON.stringify(c));
  }
  assert.equal(new Set(choices.map((c) => c.value)).size, choices.length, 'no repeated values');
  return choices;
}

test('/search lists 5 passages a page with sources and ids; Next and Previous replace the page', async () => {
  const { callback, data, log } = await command('search', { query: 'Lukashenko' });
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const first = listing(data);
  assert.equal(first.title, 'Search: Lukashenko');
  assert.deepEqual(
    first.items.map((i) => i.rank),
    [1, 2, 3, 4, 5],
  );
  const m = /^(\d+) passages · page 1 of (\d+)$/.exec(first.footer);
  assert.ok(m, first.footer);
  const [total, pages] = [Number(m[1]), Number(m[2])];
  assert.equal(pages, Math.ceil(total / 5));
  assert.ok(pages >= 2);
  assert.equal(log.outcome, 'listed');
  assert.equal(log.results, total);
  for (const item of first.items) assert.match(item.quote.join(' '), /\*\*Lukashenk[oa]/);
  const firstPager = pager(data);
  assert.equal(firstPager.previous.disabled, true);
  assert.equal(firstPager.next.disabled, false);
  assert.equal(firstPager.next.label, `Next (2/${pages})`);

  const next = await bot.button(firstPager.next.custom_id, data);
  assert.equal(next.callback.type, 7, 'the message is updated in place');
  assert.deepEqual(
    next.sent.map((s) => s.method),
    ['update'],
    'the page replaces the message it was clicked on',
  );
  assert.deepEqual(next.data.allowed_mentions, NO_MENTIONS);
  const second = listing(next.data);
  assert.deepEqual(
    second.items.map((i) => i.rank),
    [6, 7, 8, 9, 10].slice(0, Math.min(5, total - 5)),
  );
  assert.equal(second.footer, `${total} passages · page 2 of ${pages}`);
  assert.ok(!second.items.some((i) => first.items.some((f) => f.id === i.id)), 'no passage repeated');
  const secondPager = pager(next.data);
  assert.equal(secondPager.previous.disabled, false);
  assert.equal(secondPager.previous.custom_id, firstPager.previous.custom_id);
  assert.equal(next.final.embeds[0]?.footer?.text, second.footer);

  const back = await bot.button(secondPager.previous.custom_id, next.data);
  assert.equal(back.callback.type, 7);
  assert.deepEqual(listing(back.data).items, first.items);
  assert.equal(pager(back.data).previous.disabled, true);
});

test('/timeline lists the dated passages on a topic oldest first, 5 a page, with Previous / Next', async () => {
  const { callback, data, log } = await command('timeline', { topic: 'Lukashenko' });
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const first = listing(data);
  assert.equal(first.title, 'Timeline: Lukashenko');
  const m = /^(\d+) passages · page 1 of (\d+)$/.exec(first.footer);
  assert.ok(m, first.footer);
  const [total, pages] = [Number(m[1]), Number(m[2])];
  assert.ok(pages >= 2, 'more than one page');
  assert.equal(log.outcome, 'listed');
  assert.equal(log.results, total);
  const { next } = pager(data);
  const more = await bot.button(next.custom_id, data);
  assert.equal(more.callback.type, 7, 'the page replaces the message');
  const second = listing(more.data);
  assert.equal(second.title, 'Timeline: Lukashenko');
  const items = [...first.items, ...second.items];
  assert.deepEqual(
    items.map((i) => i.rank),
    items.map((_, i) => i + 1),
  );
  const dates = items.map((i) => / (\d{4}-\d{2}-\d{2})(?: \(date from the text\))?$/.exec(i.source)?.[1]);
  for (const [i, d] of dates.entries()) assert.ok(d, `dated: ${items[i]?.source}`);
  assert.deepEqual(dates, [...dates].sort(), 'oldest first across pages');

  const none = await command('timeline', { topic: 'Warsaw zoo' });
  assert.equal(none.log.outcome, 'not_found');
  assert.equal(none.data.flags & EPHEMERAL, EPHEMERAL);
  assert.equal(none.data.embeds[0]?.title, 'Timeline: Warsaw zoo');
  assert.match(none.data.embeds[0]?.description ?? '', /No dated passage is about this topic/);
  assert.deepEqual(none.data.components ?? [], []);
});

test('/search outlet keeps only that outlet, on every page', async () => {
  const { data } = await command('search', { query: 'Lukashenko', outlet: 'rfe/rl' });
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const page = listing(data);
  assert.equal(page.title, 'Search: Lukashenko (outlet rfe/rl)');
  for (const item of page.items) assert.match(item.source, / — RFE\/RL, 2020-09-03$/);
  const total = Number(/^(\d+) passages/.exec(page.footer)?.[1]);
  assert.ok(total > 5, 'more than a page');
  const { next } = pager(data);
  const more = await bot.button(next.custom_id, data);
  const second = listing(more.data);
  assert.ok(second.items.length >= 1);
  for (const item of second.items) assert.match(item.source, / — RFE\/RL, 2020-09-03$/);
});

test('/search since and until: a range that matches, one that excludes everything, and invalid dates', async () => {
  const inRange = await command('search', { query: 'Lukashenko', since: '2020-08-01', until: '2020-08-31' });
  const august = listing(inRange.data);
  assert.equal(august.title, 'Search: Lukashenko (since 2020-08-01, until 2020-08-31)');
  for (const item of august.items) assert.match(item.source, /, 2020-08-\d\d$/);

  const empty = await command('search', { query: 'Lukashenko', since: '2021-01-01', until: '2021-12-31' });
  assert.equal(empty.callback.type, 4);
  assert.equal(empty.data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(empty.data.allowed_mentions, NO_MENTIONS);
  assert.match(empty.data.embeds[0]?.description ?? '', /^No passage matches/);
  assert.deepEqual(buttonsOf(empty.data), []);
  assert.equal(empty.log.outcome, 'not_found');

  const invalid: [Record<string, string>, RegExp][] = [
    [{ since: '2020-13-45' }, /^`since` must be a date written YYYY-MM-DD, like 2020-08-26\.$/],
    [{ until: '26/08/2020' }, /^`until` must be a date written YYYY-MM-DD/],
    [{ since: '2020-09-01', until: '2020-08-01' }, /^`since` is after `until`: no date can be both\.$/],
  ];
  for (const [filters, message] of invalid) {
    const { callback, data, log } = await command('search', { query: 'Lukashenko', ...filters });
    assert.equal(callback.type, 4);
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
    assert.match(data.content, message);
    assert.deepEqual(data.embeds, []);
    assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
    assert.equal(log.outcome, 'invalid');
  }
});

test('/sources lists the 5 documents with title, outlet, date and passage count', async () => {
  const { callback, data, log } = await command('sources');
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const embed = data.embeds[0];
  assert.equal(embed?.title, 'Sources in the knowledge');
  const lines = (embed?.description ?? '').split('\n');
  assert.equal(lines.length, 5);
  assert.deepEqual(ranksIn(embed?.description ?? ''), [1, 2, 3, 4, 5]);
  const counts = lines.map((line) => {
    const m = /^\[\d\] (.+) — (.+), (\d{4}-\d\d-\d\d|undated) · (\d+) passages$/.exec(line);
    assert.ok(m, line);
    return Number(m[4]);
  });
  assert.match(
    lines[0] ?? '',
    /^\[1\] \[Russian PM In Minsk As Belarus Looks To Ally For Help\]\(https:\/\/www\.rferl\.org\/.+\) — RFE\/RL, 2020-09-03 · \d+ passages$/,
  );
  assert.match(lines[1] ?? '', /— GlobalSecurity\.org, 2020-08-26 · /);
  const footer = /^5 documents · (\d+) passages · built .+ · page 1 of 1$/.exec(embed?.footer?.text ?? '');
  assert.ok(footer, embed?.footer?.text);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    Number(footer[1]),
    'the passages of the documents add up',
  );
  assert.deepEqual(buttonsOf(data), []);
  assert.equal(log.results, 5);
});

test('/passage shows a passage in full with its neighbours and source; an unknown id says so', async () => {
  const search = await command('search', { query: 'OSCE chair offer' });
  const [hit] = listing(search.data).items;
  assert.ok(hit);
  const { callback, data, log } = await command('passage', { id: hit.id });
  assert.equal(callback.type, 4);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const embed = data.embeds[0];
  assert.equal(embed?.footer?.text, `passage ${hit.id}`);
  const m = /^(?:-# before\n[\s\S]+?\n\n)?\*\*([\s\S]+)\*\*\n\n(?:-# after\n[\s\S]+\n\n)?([^\n]+)$/.exec(
    embed?.description ?? '',
  );
  assert.ok(m, embed?.description);
  const quoted = unbold(hit.quote.map((l) => l.replace(/^> /, '')).join('\n')).replace(/^… | …$/g, '');
  assert.ok(
    (m[1] as string).includes(quoted.split('\n')[0] as string),
    'the listed quote is part of the passage',
  );
  assert.equal(m[2], hit.source, 'the same source line, without a rank');
  assert.equal(log.outcome, 'shown');

  const byWords = await command('passage', { id: 'Mishustin arrived in Minsk' });
  assert.match(byWords.data.embeds?.[0]?.description ?? '', /Mikhail Mishustin has arrived in Minsk/);

  for (const id of ['000000000000', 'no such passage']) {
    const missing = await command('passage', { id });
    assert.equal(missing.callback.type, 4);
    assert.equal(missing.data.flags & EPHEMERAL, EPHEMERAL);
    assert.match(
      missing.data.content,
      /^There is no passage `.+`\. Pick one from the suggestions while typing\.$/,
    );
    assert.deepEqual(missing.data.allowed_mentions, NO_MENTIONS);
    assert.equal(missing.log.outcome, 'not_found');
  }
});

test('autocomplete of /ask question puts the typed text first and offers questions and answering sentences', async () => {
  const lukash = await autocomplete('ask', 'question', { question: 'lukash' });
  assert.deepEqual(lukash[0], { name: 'lukash', value: 'lukash' });

  const navalny = await autocomplete('ask', 'question', { question: 'navalny' });
  assert.deepEqual(navalny[0], { name: 'navalny', value: 'navalny' });
  assert.ok(navalny.length >= 3, 'answering sentences follow');
  // Sentences longer than a choice are cut at a word; most still show the name within 100 characters.
  assert.ok(navalny.slice(1).filter((c) => /Navalny/.test(c.name)).length >= 2, JSON.stringify(navalny));
  assert.ok(navalny.slice(1).every((c) => c.value !== 'navalny'));
  // Picking a suggestion asks what its name shows: a long sentence is cut at a word, not mid-word.
  for (const c of navalny) assert.equal(c.name.replace(/ ?…$/, ''), c.value.replace(/\s+/g, ' ').trim());
  assert.ok(
    navalny.some((c) => c.name.endsWith('…')),
    'a long answering sentence is offered cut',
  );

  // An earlier question comes back as a suggestion.
  await command('ask', { question: 'What did the OSCE chair offer?' });
  const osce = await autocomplete('ask', 'question', { question: 'osce chair' });
  assert.equal(osce[0]?.value, 'osce chair');
  assert.ok(
    osce.some((c) => c.value === 'What did the OSCE chair offer?'),
    JSON.stringify(osce),
  );

  const nothing = await autocomplete('ask', 'question', { question: 'qqxxzzqq' });
  assert.deepEqual(nothing, [{ name: 'qqxxzzqq', value: 'qqxxzzqq' }]);
});

test('autocomplete never echoes a lone surrogate a client sent', async () => {
  const choices = await autocomplete('ask', 'question', { question: 'navalny \ud83d' });
  assert.deepEqual(choices[0], { name: 'navalny \ufffd', value: 'navalny \ufffd' });
});

test('autocomplete of /search outlet offers matching outlets only, and nothing for no match', async () => {
  const rfe = await autocomplete('search', 'outlet', { query: 'Lukashenko', outlet: 'rfe' });
  assert.deepEqual(rfe, [{ name: 'RFE/RL', value: 'RFE/RL' }]);
  const all = await autocomplete('search', 'outlet', { query: 'Lukashenko', outlet: '' });
  assert.deepEqual(
    all.map((c) => c.value),
    ['DELFI', 'GlobalSecurity.org', 'RFE/RL'],
  );
  const none = await autocomplete('search', 'outlet', { query: 'Lukashenko', outlet: 'bbc' });
  assert.deepEqual(none, []);
});

test('autocomplete of /passage id offers ids with that prefix, and nothing for no match', async () => {
  const search = await command('search', { query: 'Lukashenko' });
  const [hit] = listing(search.data).items;
  assert.ok(hit);
  const prefix = hit.id.slice(0, 3);
  const byPrefix = await autocomplete('passage', 'id', { id: prefix });
  assert.ok(byPrefix.length >= 1);
  assert.ok(byPrefix.some((c) => c.value === hit.id));
  for (const c of byPrefix) {
    assert.ok(c.value.startsWith(prefix), c.value);
    assert.ok(c.name.startsWith(`${c.value} · `), c.name);
  }
  const exact = await autocomplete('passage', 'id', { id: hit.id });
  assert.equal(exact[0]?.value, hit.id);
  for (const typed of ['zzzzqqqq', ''])
    assert.deepEqual(await autocomplete('passage', 'id', { id: typed }), []);
});

test('/help lists the commands privately', async () => {
  const { callback, data } = await command('help');
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  const embed = data.embeds[0];
  assert.equal(embed?.title, 'crisis-desk');
  for (const name of [
    '`/ask question`',
    '`/search query',
    '`/sources`',
    '`/passage id`',
    'Find sources',
    '`/reindex update`',
  ])
    assert.ok(embed?.description?.includes(name), `mentions ${name}`);
  assert.match(embed?.description ?? '', /only with verbatim quotes/);
  assert.match(embed?.footer?.text ?? '', /^5 documents · \d+ passages · built /);
});
