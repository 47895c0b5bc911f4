import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeFileName, slugify, uploadExtension } from '../src/knowledge/safeFileName.js';

const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(md|txt)$/;

test('path parts of an upload name never survive', () => {
  assert.equal(safeFileName('../../x.md', '.md'), 'x.md');
  assert.equal(safeFileName('/etc/passwd.md', '.md'), 'passwd.md');
  assert.equal(safeFileName('C:\\x.md', '.md'), 'x.md');
  assert.equal(safeFileName('C:\\Windows\\..\\evil.txt', '.txt'), 'evil.txt');
  assert.equal(safeFileName('..', '.md'), 'document.md');
  assert.equal(safeFileName('.md', '.md'), 'md.md');
  assert.equal(safeFileName('...md', '.md'), 'document.md');
  assert.equal(safeFileName('', '.txt'), 'document.txt');
});

test('odd Unicode, RTL overrides and zero-width characters give plain ASCII', () => {
  assert.equal(safeFileName('Ünïcödé Ärticle.md', '.md'), 'unicode-article.md');
  assert.equal(safeFileName('evil\u202Etxt.exe.md', '.md'), 'evil-txt-exe.md');
  assert.equal(safeFileName('zero\u200Bwidth\u200Dname.md', '.md'), 'zero-width-name.md');
  assert.equal(safeFileName('новости.md', '.md'), 'document.md');
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
