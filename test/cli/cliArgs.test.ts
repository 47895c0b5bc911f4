import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliArgs, wholeNumber } from '../../src/cli/cliArgs.js';
import { UsageError } from '../../src/cli/errors.js';
import { parseAskArgs } from '../../src/cli/parseAskArgs.js';

const options = { json: { type: 'boolean' }, out: { type: 'string' } } as const;

test('options and positionals are read, with --name=value and after --', () => {
  const { values, positionals } = parseCliArgs(['a', '--json', '--out=x.json', '--', '--b'], {
    options,
    allowPositionals: true,
  });
  assert.deepEqual({ ...values }, { json: true, out: 'x.json' });
  assert.deepEqual(positionals, ['a', '--b']);
});

test('every parse problem is a one-line usage error naming the option', () => {
  const cases: [string[], RegExp][] = [
    [['--nope'], /^unknown option --nope$/],
    [['--out'], /--out <value>' argument missing/],
    [['--json=1'], /--json' does not take an argument/],
    [['stray'], /^unexpected argument stray$/],
  ];
  for (const [argv, message] of cases)
    assert.throws(
      () => parseCliArgs(argv, { options }),
      (e: unknown) => e instanceof UsageError && message.test(e.message) && !e.message.includes('\n'),
      argv.join(' '),
    );
});

test('whole numbers are bounded and named in the error', () => {
  assert.equal(wholeNumber('--n', '7', 1, 10), 7);
  for (const bad of ['0', '11', '2.5', '', ' ', 'x', undefined])
    assert.throws(() => wholeNumber('--n', bad, 1, 10), /--n takes a whole number from 1 to 10/);
});

test('ask reads its question from the words, and its limit from --limit N or --limit=N', () => {
  assert.deepEqual(parseAskArgs(['who', 'won', '--limit', '2']), {
    json: false,
    sync: false,
    limit: 2,
    timeline: false,
    page: 1,
    question: 'who won',
  });
  assert.equal(parseAskArgs(['--limit=5', '--json', 'q']).limit, 5);
  assert.equal(parseAskArgs(['--json']).question, null);
  assert.throws(() => parseAskArgs(['--limit', '99', 'q']), /--limit takes a whole number from 1 to 10/);
  assert.throws(() => parseAskArgs(['--sideways', 'q']), /unknown option --sideways/);
});

test('ask --timeline pages 10 a page by default, up to 50 with --limit, from --page 1', () => {
  const args = parseAskArgs(['--timeline', 'metro', 'closures']);
  assert.deepEqual([args.timeline, args.limit, args.page, args.question], [true, 10, 1, 'metro closures']);
  assert.equal(parseAskArgs(['--timeline', '--limit', '50', '--page', '3', 'q']).page, 3);
  assert.throws(
    () => parseAskArgs(['--timeline', '--limit', '51', 'q']),
    /--limit takes a whole number from 1 to 50/,
  );
  assert.throws(() => parseAskArgs(['--timeline', '--page', '0', 'q']), /--page takes a whole number/);
});
