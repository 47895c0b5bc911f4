import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charsetParameter, decodeHtml, metaCharset } from '../../src/ingest/decodeHtml.js';
import { cpuMs } from '../helpers/cpuTime.js';
import { encodeSingleByte } from '../helpers/pageServer.js';

const WORDS = 'Лукашэнка і Ціханоўская';
const html = (head: string) => `<html><head>${head}</head><body><p>${WORDS}</p></body></html>`;

test('the header charset wins over a <meta>; the <meta> over the default', () => {
  const bytes = encodeSingleByte(html('<meta charset="utf-8">'), 'windows-1251');
  const decoded = decodeHtml(bytes, 'text/html; charset="Windows-1251"');
  assert.equal(decoded.charset, 'windows-1251');
  assert.equal(decoded.from, 'header');
  assert.ok(decoded.html.includes(WORDS));
  const fromMeta = decodeHtml(encodeSingleByte(html('<META CHARSET=cp1251>'), 'windows-1251'), 'text/html');
  assert.deepEqual([fromMeta.charset, fromMeta.from], ['windows-1251', 'meta']);
  assert.ok(fromMeta.html.includes(WORDS));
});

test('a byte-order mark decides whatever the header says', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html(''), 'utf8')]);
  const decoded = decodeHtml(bytes, 'text/html; charset=windows-1251');
  assert.deepEqual([decoded.charset, decoded.from], ['utf-8', 'bom']);
  assert.ok(decoded.html.startsWith('<html>'), 'the mark itself is not text');
  assert.ok(decoded.html.includes(WORDS));
});

test('an unknown label is passed over; nothing declared means UTF-8', () => {
  const bytes = Buffer.from(html('<meta charset="no-such-charset">'), 'utf8');
  assert.deepEqual(decodeHtml(bytes, 'text/html; charset=bogus').from, 'default');
  assert.equal(decodeHtml(bytes, null).charset, 'utf-8');
  assert.ok(decodeHtml(bytes, null).html.includes(WORDS));
});

test('the <meta> scan skips comments and reads http-equiv; a <meta> saying UTF-16 means UTF-8', () => {
  const read = (text: string) => metaCharset(Buffer.from(text, 'latin1'));
  assert.equal(read('<!-- <meta charset="koi8-r"> --><meta charset=iso-8859-5>'), 'iso-8859-5');
  assert.equal(read(`<meta http-equiv='content-type' content='text/html; charset=koi8-u'>`), 'koi8-u');
  assert.equal(read('<meta name="viewport" content="width=device-width"><p>'), null);
  assert.equal(decodeHtml(Buffer.from(html('<meta charset="utf-16">')), null).charset, 'utf-8');
  assert.equal(charsetParameter('text/html;charset=UTF-8'), 'UTF-8');
  assert.equal(charsetParameter('text/html'), null);
});

test('the <meta> scan is linear: a megabyte of hostile tags is read at once', () => {
  const hostile = [
    `<meta${' a="x" b=y'.repeat(100_000)}>`,
    `${'<meta a='.repeat(100_000)}>`,
    `${'<<'.repeat(250_000)}>`,
    `${'<!--<'.repeat(100_000)}-->`,
  ];
  const { ms } = cpuMs(() => {
    for (const text of hostile) assert.equal(metaCharset(Buffer.from(text, 'latin1')), null);
  });
  assert.ok(ms < 1000, `took ${Math.round(ms)} ms of CPU`);
});
