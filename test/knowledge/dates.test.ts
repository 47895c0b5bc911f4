import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysSpokenOf, latestDate, namedDays } from '../../src/knowledge/dates.js';

test('days named by month and day, with or without a year, in either order', () => {
  assert.deepEqual(
    [...namedDays('On October 11, then 3 Sept., Sept. 20th and 12 May 2020, but not "in May" or "Oct 32"')],
    ['10-11', '09-03', '09-20', '05-12'],
  );
  assert.deepEqual([...namedDays('February 29')], ['02-29']);
});

test("a report's weekdays, yesterday and the previous day are counted back from its own date", () => {
  // 2020-09-03 was a Thursday.
  const days = daysSpokenOf(
    'On Sunday they marched; 24 were detained the previous day; today all is calm.',
    '2020-09-03',
  );
  assert.deepEqual([...days].sort(), ['08-30', '09-02', '09-03']);
  assert.deepEqual([...daysSpokenOf('On Sunday they marched.', null)], []);
});

test('the latest full date a text writes; none without a year or a real day', () => {
  assert.equal(latestDate('From August 9, 2020 to 19 September 2020, and 2020-09-01.'), '2020-09-19');
  assert.equal(latestDate('On September 19 and on February 30, 2020.'), null);
});
