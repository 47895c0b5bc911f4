import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uploadOptionsProblem } from '../../src/knowledge/uploadMeta.js';
import { isHttpUrl } from '../../src/util/httpUrl.js';

test('upload options: a date must be a real day written YYYY-MM-DD', () => {
  assert.equal(uploadOptionsProblem({ published: '2020-08-26' }), null);
  for (const published of ['2020-13-45', '2020-02-30', '26/08/2020', '2020-8-26'])
    assert.match(
      uploadOptionsProblem({ published }) ?? '',
      /`published` must be a date written YYYY-MM-DD/,
      published,
    );
});

test('upload options: a url must be http(s)', () => {
  assert.equal(uploadOptionsProblem({ url: 'https://www.rferl.org/a/30818225.html' }), null);
  for (const url of ['javascript:alert(1)', 'ftp://x.example/a', 'not a url'])
    assert.match(uploadOptionsProblem({ url }) ?? '', /`url` must be a web address/, url);
});

test('isHttpUrl accepts http and https only', () => {
  assert.equal(isHttpUrl('http://x.example'), true);
  assert.equal(isHttpUrl('https://x.example/a?b=1'), true);
  assert.equal(isHttpUrl('javascript:alert(1)'), false);
  assert.equal(isHttpUrl('mailto:a@b.example'), false);
  assert.equal(isHttpUrl('x.example'), false);
});
