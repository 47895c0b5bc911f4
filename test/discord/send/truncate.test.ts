import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boldRanges } from '../../../src/discord/send/escape.js';
import { truncate, truncateLabel } from '../../../src/discord/send/truncate.js';
import { cpuMs } from '../../helpers/cpuTime.js';
import { countMarkers } from '../../helpers/markdown.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function assertWellFormed(out: string, max: number): void {
  assert.ok(out.length <= max, `${out.length} > ${max}: ${out}`);
  assert.equal(countMarkers(out) % 2, 0, `unbalanced **: ${out}`);
  assert.ok(!out.includes('****'), `empty bold: ${out}`);
  assert.doesNotMatch(out, LONE_SURROGATE, `broken surrogate: ${JSON.stringify(out)}`);
  const body = out.endsWith('…') ? out.slice(0, -1) : out;
  assert.equal((body.match(/\\+$/)?.[0].length ?? 0) % 2, 0, `dangling backslash: ${out}`);
}

const PROSE =
  'The bridge closed at dawn. Officials said the river rose overnight and more rain is expected. ' +
  'Residents were told to leave by noon!';

test('text that fits comes back unchanged', () => {
  assert.equal(truncate(PROSE, PROSE.length), PROSE);
  assert.equal(truncate('', 0), '');
});

test('cuts at a sentence end in the last 40% of the room', () => {
  assert.equal(truncate(PROSE, 40), 'The bridge closed at dawn. …');
  assert.equal(
    truncate(PROSE, 100),
    'The bridge closed at dawn. Officials said the river rose overnight and more rain is expected. …',
  );
});

test('else at the last space, else anywhere; always within max', () => {
  assert.equal(truncate(PROSE, 60), 'The bridge closed at dawn. Officials said the river rose…');
  assert.equal(truncate('a'.repeat(50), 10), `${'a'.repeat(9)}…`);
  assert.equal(truncate(PROSE, 1), '…');
  assert.equal(truncate(PROSE, 0), '');
  for (let max = 0; max <= PROSE.length; max++) assertWellFormed(truncate(PROSE, max), max);
});

test('a word cut keeps whole words', () => {
  const out = truncate('one two three four five six seven eight nine ten', 25);
  assert.equal(out, 'one two three four five…');
});

test('a custom ellipsis counts towards max', () => {
  const out = truncate(PROSE, 50, { ellipsis: ' [more]' });
  assert.ok(out.endsWith(' [more]') && out.length <= 50, out);
  assert.equal(truncate(PROSE, 3, { ellipsis: ' [more]' }), 'The');
});

test('never leaves ** open: a cut inside bold closes it', () => {
  const text = 'alpha beta gamma delta epsilon zeta eta theta';
  const bold = boldRanges(text, [{ start: 6, end: 35 }]);
  assert.equal(bold, 'alpha **beta gamma delta epsilon zeta** eta theta');
  assert.equal(truncate(bold, 24), 'alpha **beta gamma**…');
  for (let max = 0; max <= bold.length; max++) assertWellFormed(truncate(bold, max), max);
});

test('never ends on the marker that opens a bold', () => {
  const bold = boldRanges('alpha beta gamma', [{ start: 6, end: 16 }]);
  assert.equal(truncate(bold, 9), 'alpha…');
});

test('never leaves a lone backslash or splits an escape', () => {
  const escaped = '\\*\\_\\~'.repeat(10);
  for (let max = 0; max <= escaped.length; max++) {
    const out = truncate(escaped, max);
    assertWellFormed(out, max);
    assert.ok(escaped.startsWith(out.replace(/…$/, '')), out);
  }
});

test('runs of escaped backslashes are cut in linear time, leaving none that escapes nothing', () => {
  const run = '\\'.repeat(100_000);
  const { value: out, ms } = cpuMs(() => truncate(`${run}x${run}yz`, 200_001));
  // The check for a dangling backslash rescanned the first run from each of its backslashes: minutes.
  assert.ok(ms < 1000, `took ${Math.round(ms)} ms of CPU`);
  assert.ok(out === `${run}x${run.slice(0, -2)}…`, `${out.length} characters`);
});

test('never splits an emoji', () => {
  const emoji = 'flood 🌊🌊 warning 😀😀😀😀 now 👍🏽 ok'.repeat(3);
  for (let max = 0; max <= emoji.length; max++) assertWellFormed(truncate(emoji, max), max);
  assert.equal(truncate('abcdefgh😀ij', 10), 'abcdefgh…');
});

test('hostile escaped text with highlights survives every cut', () => {
  const doc =
    '@everyone <@123> **bold** [link](https://x.example) said 🌊 the _minister_. Then ||more|| came.';
  const bold = boldRanges(doc, [
    { start: 0, end: 9 },
    { start: 17, end: 25 },
    { start: 56, end: 70 },
  ]);
  for (let max = 0; max <= bold.length; max++) assertWellFormed(truncate(bold, max), max);
});

test('truncateLabel: one line, trimmed, never empty, within max', () => {
  assert.equal(truncateLabel('  Flood\n\nwarning \t issued  ', 80), 'Flood warning issued');
  assert.equal(truncateLabel(' \n ', 80, 'Sources'), 'Sources');
  assert.equal(truncateLabel('', 80), '…');
  assert.equal(truncateLabel('**bold words here**', 12), '**bold…', 'not closed as markdown would be');
  const long = truncateLabel('word '.repeat(40), 100);
  assert.ok(long.length <= 100 && !long.includes('\n') && long.endsWith('…'), long);
  for (let max = 1; max <= 20; max++)
    assert.doesNotMatch(truncateLabel('😀'.repeat(10), max), LONE_SURROGATE);
});
