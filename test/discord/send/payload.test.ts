import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { MessageActionRow } from '../../../src/discord/send/components.js';
import { LIMITS } from '../../../src/discord/send/limits.js';
import { type Choice, fitChoices, fitMessage, queryChoice } from '../../../src/discord/send/payload.js';

function words(count: number, seed = 'word'): string {
  return Array.from({ length: count }, (_, i) => `${seed}${i}`).join(' ');
}

function chars(length: number, seed = 'text'): string {
  return `${words(length, seed)}`.slice(0, length);
}

function hugeEmbed(i: number): APIEmbed {
  return {
    title: `Embed ${i} ${chars(300)}`,
    url: i % 2 === 0 ? 'https://news.example/a' : 'javascript:alert(1)',
    description: chars(5000, `d${i}-`),
    fields: Array.from({ length: 30 }, (_, f) => ({
      name: chars(300, `n${f}-`),
      value: chars(2000, `v${f}-`),
    })),
    footer: { text: chars(3000, 'f') },
    author: { name: chars(300, 'a'), url: 'ftp://nope.example' },
  };
}

function button(row: number, n: number, customId = `b:${row}:${n}`, label = chars(100, 'label')) {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label } as const;
}

function rows(count: number, perRow: number, label?: string): MessageActionRow[] {
  return Array.from({ length: count }, (_, r) => ({
    type: ComponentType.ActionRow,
    components: Array.from({ length: perRow }, (_, n) => button(r, n, undefined, label)),
  }));
}

function assertEmbedWithinLimits(embed: APIEmbed): void {
  assert.ok((embed.title?.length ?? 0) <= LIMITS.embedTitle);
  assert.ok((embed.description?.length ?? 0) <= LIMITS.embedDescription);
  assert.ok((embed.fields?.length ?? 0) <= LIMITS.fields);
  for (const f of embed.fields ?? []) {
    assert.ok(f.name.length > 0 && f.name.length <= LIMITS.fieldName);
    assert.ok(f.value.length > 0 && f.value.length <= LIMITS.fieldValue);
  }
  assert.ok((embed.footer?.text.length ?? 0) <= LIMITS.footerText);
  assert.ok((embed.author?.name.length ?? 0) <= LIMITS.authorName);
}

/** What Discord counts towards a message's 6000: titles, descriptions, field names and values, footers, authors. */
function total(embeds: APIEmbed[]): number {
  let sum = 0;
  for (const e of embeds) {
    sum += (e.title?.length ?? 0) + (e.description?.length ?? 0);
    for (const f of e.fields ?? []) sum += f.name.length + f.value.length;
    sum += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  }
  return sum;
}

test('fitMessage: oversized everything comes back within every limit, first embed kept', () => {
  const payload = {
    content: chars(5000, 'c'),
    embeds: Array.from({ length: 12 }, (_, i) => hugeEmbed(i)),
    components: rows(7, 6),
    ephemeral: true,
  };
  const before = structuredClone(payload);
  const fitted = fitMessage(payload);
  assert.deepEqual(payload, before, 'the input is not changed');

  assert.ok(fitted.content!.length <= LIMITS.content);
  assert.ok(fitted.content!.endsWith('…'));
  const embeds = fitted.embeds!;
  assert.ok(embeds.length >= 1 && embeds.length <= LIMITS.embeds);
  assert.ok(embeds[0]!.title!.startsWith('Embed 0 '), 'the first embed is kept');
  for (const embed of embeds) assertEmbedWithinLimits(embed);
  assert.ok(total(embeds) <= LIMITS.embedsTotal, `total ${total(embeds)}`);
  assert.equal(embeds[0]!.url, 'https://news.example/a');
  assert.equal(embeds[0]!.author!.url, undefined, 'ftp link dropped');

  const components = fitted.components!;
  assert.equal(components.length, LIMITS.actionRows);
  for (const row of components) {
    assert.equal(row.components.length, LIMITS.rowComponents);
    for (const c of row.components) assert.ok('label' in c && c.label!.length <= LIMITS.buttonLabel);
  }
  assert.equal(fitted.ephemeral, true);
});

test('fitMessage: each embed is clamped on its own, and links must be http(s)', () => {
  const [embed] = fitMessage({ embeds: [hugeEmbed(1)] }).embeds!;
  assert.ok(embed);
  assertEmbedWithinLimits(embed);
  assert.equal('url' in embed, false, 'javascript: link dropped');
  const ten = fitMessage({ embeds: Array.from({ length: 12 }, (_, i) => ({ title: `t${i}` })) }).embeds!;
  assert.deepEqual(
    ten.map((e) => e.title),
    Array.from({ length: 10 }, (_, i) => `t${i}`),
  );
});

test('fitMessage: the 6000 total shortens the longest descriptions first', () => {
  const embeds = [500, 4000, 3000].map((n, i) => ({ title: `t${i}`, description: chars(n, `d${i}`) }));
  const fitted = fitMessage({ embeds }).embeds!;
  assert.equal(fitted.length, 3, 'no embed dropped');
  assert.equal(fitted[0]!.description, embeds[0]!.description, 'the short one is untouched');
  assert.ok(fitted[1]!.description!.length < 4000 && fitted[2]!.description!.length < 3000);
  assert.ok(total(fitted) <= LIMITS.embedsTotal);
  assert.ok(total(fitted) > LIMITS.embedsTotal - 200, 'no more cut than needed');
});

test('fitMessage: then trailing embeds go', () => {
  const embeds = Array.from({ length: 6 }, (_, i) => ({
    title: `t${i}`,
    description: chars(1000, `d${i}`),
    footer: { text: chars(1500, `f${i}`) },
  }));
  const fitted = fitMessage({ embeds }).embeds!;
  assert.ok(fitted.length < 6 && fitted.length >= 1);
  assert.deepEqual(
    fitted.map((e) => e.title),
    embeds.slice(0, fitted.length).map((e) => e.title),
  );
  assert.ok(total(fitted) <= LIMITS.embedsTotal);
});

test('fitMessage: small payloads pass through unchanged', () => {
  const payload = {
    content: 'hello',
    embeds: [{ title: 'A', url: 'http://x.example', description: 'B', fields: [{ name: 'n', value: 'v' }] }],
    components: rows(1, 2, 'Next'),
    suppressEmbeds: true,
  };
  assert.deepEqual(fitMessage(payload), payload);
});

test('fitMessage: a custom_id over 100 characters is a bug and throws', () => {
  const ok = [{ type: ComponentType.ActionRow as const, components: [button(0, 0, 'x'.repeat(100))] }];
  assert.doesNotThrow(() => fitMessage({ components: ok }));
  const bad = [{ type: ComponentType.ActionRow as const, components: [button(0, 0, 'x'.repeat(101))] }];
  assert.throws(() => fitMessage({ components: bad }), /custom_id/);
  const hidden = [
    ...rows(6, 1),
    { type: ComponentType.ActionRow as const, components: [button(9, 0, 'y'.repeat(101))] },
  ];
  assert.throws(() => fitMessage({ components: hidden }), /custom_id/, 'even in a row that would be dropped');
});

test('fitChoices: at most 25, no empty names, no repeated values, no value too long', () => {
  const choices: Choice[] = [
    { name: 'First', value: 'a' },
    { name: '   ', value: 'empty-name' },
    { name: 'Again', value: 'a' },
    { name: `Long ${'x'.repeat(200)}`, value: 'v'.repeat(100) },
    { name: 'Too long a value', value: `${'w'.repeat(100)}zzz` },
    { name: 'Empty value', value: '' },
    { name: 'Number', value: 7 },
    ...Array.from({ length: 40 }, (_, i) => ({ name: `Choice ${i}`, value: `c${i}` })),
  ];
  const fitted = fitChoices(choices);
  assert.equal(fitted.length, LIMITS.choices);
  assert.deepEqual(
    fitted.slice(0, 4).map((c) => c.value),
    ['a', 'v'.repeat(100), 7, 'c0'],
  );
  assert.equal(fitted[0]!.name, 'First');
  for (const c of fitted) {
    assert.ok(c.name.trim().length > 0 && c.name.length <= LIMITS.choiceName);
    assert.ok(typeof c.value === 'number' || (c.value.length > 0 && c.value.length <= LIMITS.choiceValue));
  }
  assert.equal(new Set(fitted.map((c) => c.value)).size, fitted.length);
  assert.deepEqual(fitChoices([]), []);
});

test('fitChoices leaves out a value too long for Discord instead of cutting it mid-word', () => {
  const outlet = `Radio Free Europe/Radio Liberty's Belarus Service, as republished by ${'an aggregator '.repeat(3)}`;
  assert.ok(outlet.length > LIMITS.choiceValue);
  assert.deepEqual(fitChoices([{ name: outlet, value: outlet }]), []);
});

test('fitChoices never echoes a lone surrogate in a name or a value', () => {
  const fitted = fitChoices([
    { name: 'typed \ud83d', value: 'typed \ud83d' },
    { name: '\ude00 and 😀', value: 'x\udc00y' },
  ]);
  assert.deepEqual(fitted, [
    { name: 'typed \ufffd', value: 'typed \ufffd' },
    { name: '\ufffd and 😀', value: 'x\ufffdy' },
  ]);
});

test('queryChoice cuts a long query at a word and names it by exactly what it asks', () => {
  const sentence =
    'Russia is ready to provide military assistance to Belarus if necessary, the Kremlin said after a call between the two presidents.';
  const choice = queryChoice(sentence);
  assert.ok(choice);
  assert.equal(choice.value, sentence.slice(0, choice.value.length));
  assert.equal(sentence[choice.value.length], ' ', `cut at a word: ${choice.value}`);
  assert.ok(choice.value.length >= 50 && choice.value.length <= LIMITS.choiceValue);
  assert.ok(choice.name.startsWith(choice.value) && /^ ?…$/.test(choice.name.slice(choice.value.length)));
  assert.deepEqual(queryChoice('Who offered help?'), {
    name: 'Who offered help?',
    value: 'Who offered help?',
  });
  // No word boundary in reach: offering a cut word would ask something else.
  assert.equal(queryChoice(`Lukashenko ${'x'.repeat(150)}`), null);
});
