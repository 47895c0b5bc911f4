import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contentSuffix,
  safeFileName as safeName,
  slugify,
  uploadExtension,
} from '../../src/knowledge/safeFileName.js';

const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(md|txt)$/;
const UNIQUE = 'a1b2c3d4';
const safeFileName = (upload: string, ext: '.md' | '.txt', title?: string) =>
  safeName(upload, ext, { title, unique: UNIQUE });

test('path parts of an upload name never survive', () => {
  assert.equal(safeFileName('../../x.md', '.md'), 'x.md');
  assert.equal(safeFileName('/etc/passwd.md', '.md'), 'passwd.md');
  assert.equal(safeFileName('C:\\x.md', '.md'), 'x.md');
  assert.equal(safeFileName('C:\\Windows\\..\\evil.txt', '.txt'), 'evil.txt');
  assert.equal(safeFileName('..', '.md'), 'document-a1b2c3d4.md');
  assert.equal(safeFileName('.md', '.md'), 'md.md');
  assert.equal(safeFileName('...md', '.md'), 'document-a1b2c3d4.md');
  assert.equal(safeFileName('', '.txt'), 'document-a1b2c3d4.txt');
});

test('odd Unicode, RTL overrides and zero-width characters give plain ASCII', () => {
  assert.equal(safeFileName('Ünïcödé Ärticle.md', '.md'), 'unicode-article.md');
  assert.equal(safeFileName('evil\u202Etxt.exe.md', '.md'), 'evil-txt-exe.md');
  assert.equal(safeFileName('zero\u200Bwidth\u200Dname.md', '.md'), 'zero-width-name.md');
  assert.equal(safeFileName('ﬁle①.md', '.md'), 'file1.md');
  for (const name of ['a\u0000b.md', '\u202E\u202E.md', '  spaced  out  .md', '%2e%2e%2fx.md']) {
    assert.match(safeFileName(name, '.md'), PLAIN, name);
  }
});

test('reserved names get a suffix, whatever their case', () => {
  assert.equal(safeFileName('aliases.txt', '.txt'), 'aliases-doc.txt');
  assert.equal(safeFileName('README.md', '.md'), 'readme-doc.md');
  assert.equal(safeFileName('con.md', '.md'), 'con-doc.md');
  assert.equal(safeFileName('NUL.txt', '.txt'), 'nul-doc.txt');
  assert.equal(safeFileName('x.md', '.md', 'COM1'), 'com1-doc.md');
  assert.equal(safeFileName('lpt9.md', '.md'), 'lpt9-doc.md');
  assert.equal(safeFileName('com10.md', '.md'), 'com10.md');
});

test('the title option wins over the upload name, and long names are cut to 80 characters', () => {
  assert.equal(safeFileName('upload.md', '.md', 'Harbour strike: day 3!'), 'harbour-strike-day-3.md');
  assert.equal(safeFileName('upload.md', '.md', '!!!'), 'upload.md');
  const long = safeFileName(`${'a'.repeat(300)}.md`, '.md');
  assert.equal(long, `${'a'.repeat(80)}.md`);
  const words = safeFileName(`${'word '.repeat(60)}.txt`, '.txt');
  assert.ok(words.length <= 84, words);
  assert.match(words, PLAIN);
  assert.equal(slugify('a-'.repeat(100)).endsWith('-'), false);
});

test('only .md and .txt uploads are accepted', () => {
  assert.equal(uploadExtension('x.MD'), '.md');
  assert.equal(uploadExtension('dir/x.txt'), '.txt');
  assert.equal(uploadExtension('x.pdf'), null);
  assert.equal(uploadExtension('x.md.exe'), null);
  assert.equal(uploadExtension('md'), null);
});

test('Cyrillic titles and file names are transliterated: Russian, Belarusian, Ukrainian', () => {
  assert.equal(safeFileName('Минск — трамвай.md', '.md'), 'minsk-tramvay.md');
  assert.equal(safeFileName('новости.md', '.md'), 'novosti.md');
  assert.equal(safeFileName('Гродно — завод.txt', '.txt'), 'grodno-zavod.txt');
  assert.equal(safeFileName('upload.md', '.md', 'Ціханоўская ў Вільні'), 'tsikhanouskaya-u-vilni.md');
  assert.equal(safeFileName('Лукашэнка.md', '.md'), 'lukashenka.md');
  assert.equal(safeFileName('Київ, Харків і Запоріжжя.md', '.md'), 'kyiv-kharkiv-i-zaporizhzhia.md');
  assert.equal(safeFileName('Щучин: ЧП на заводе.md', '.md'), 'shchuchin-chp-na-zavode.md');
  assert.equal(slugify('Тихановская и Ёлка'), 'tikhanovskaya-i-yolka');
});

test('when nothing usable is left, the name is document- and a short suffix of the content', () => {
  assert.equal(safeFileName('新闻.md', '.md'), 'document-a1b2c3d4.md');
  assert.equal(safeFileName('😀😀.md', '.md', '🚋'), 'document-a1b2c3d4.md');
  const one = contentSuffix(Buffer.from('first article'));
  assert.match(one, /^[0-9a-f]{8}$/);
  assert.equal(contentSuffix(Buffer.from('first article')), one);
  assert.notEqual(contentSuffix(Buffer.from('second article')), one);
  const named = (bytes: string) => safeName('新闻.md', '.md', { unique: contentSuffix(Buffer.from(bytes)) });
  assert.notEqual(named('first article'), named('second article'));
});
