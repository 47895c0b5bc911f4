import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { IngestError } from '../../src/ingest/errors.js';
import { safeFetch } from '../../src/ingest/safeFetch.js';
import { articlePage, CYRILLIC_PARAGRAPHS, cyrillicPage, TRAM_PARAGRAPHS } from '../helpers/articlePages.js';
import { encodeSingleByte, type PageServer, page, redirect, startPageServer } from '../helpers/pageServer.js';

const SIX_MB = 6 * 1024 * 1024;
let server: PageServer;
const allow = { allowPrivate: true };

const fail = (kind: string, message?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof IngestError, String(error));
  assert.equal(error.kind, kind, error.message);
  if (message) assert.match(error.message, message);
  return true;
};

before(async () => {
  const bigParagraph = `<p>${'The depot stayed closed. '.repeat(40)}</p>\n`;
  const sixMb = `<html><body>${bigParagraph.repeat(Math.ceil(SIX_MB / bigParagraph.length))}</body></html>`;
  server = await startPageServer({
    '/article': page(articlePage()),
    '/cp1251-header': page(
      encodeSingleByte(cyrillicPage(), 'windows-1251'),
      'text/html; charset=windows-1251',
    ),
    '/cp1251-meta': page(
      encodeSingleByte(cyrillicPage('<meta charset="windows-1251">'), 'windows-1251'),
      'text/html',
    ),
    '/koi8-http-equiv': page(
      encodeSingleByte(
        cyrillicPage('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', [
          CYRILLIC_PARAGRAPHS[0]!,
          CYRILLIC_PARAGRAPHS[3]!,
        ]),
        'koi8-r',
      ),
      'text/html',
    ),
    '/gzip': page(gzipSync(articlePage()), 'text/html; charset=utf-8', { 'content-encoding': 'gzip' }),
    '/no-type': (_req, res) => {
      res.writeHead(200, {});
      res.end(articlePage());
    },
    '/six-mb': (_req, res) => {
      // Chunked, no Content-Length: the cap must hold while reading.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(sixMb);
    },
    '/six-mb-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(SIX_MB) });
      res.end(sixMb.slice(0, SIX_MB));
    },
    '/six-mb-gzip': page(gzipSync(sixMb), 'text/html', { 'content-encoding': 'gzip' }),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a', 301),
    ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/hop-${i}`, redirect(`/hop-${i + 1}`, 307)])),
    '/hop-7': page(articlePage()),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-metadata-name': redirect('http://instance-data.test/latest/meta-data/'),
    '/to-ftp': redirect('ftp://files.example/x'),
    '/never-ends': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The first words arrive, and then nothing more');
    },
    '/never-answers': () => {},
    '/pdf': page(Buffer.from('%PDF-1.7 binary'), 'application/pdf'),
    '/binary-no-type': (_req, res) => {
      res.writeHead(200, {});
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    },
    '/gone': (_req, res) => {
      res.writeHead(410, { 'content-type': 'text/html' });
      res.end('<p>gone</p>');
    },
  });
});
after(() => server.close());

test('a UTF-8 article arrives whole, with its status, type, charset and raw bytes', async () => {
  const fetched = await safeFetch(server.url('/article'), allow);
  assert.equal(fetched.status, 200);
  assert.equal(fetched.finalUrl, server.url('/article'));
  assert.equal(fetched.contentType, 'text/html; charset=utf-8');
  assert.equal(fetched.charset, 'utf-8');
  assert.deepEqual(fetched.redirects, []);
  assert.ok(fetched.html.includes(TRAM_PARAGRAPHS[2]!));
  assert.equal(fetched.bytes.toString('utf8'), fetched.html);
});

test('windows-1251 declared only in the Content-Type header is decoded', async () => {
  const fetched = await safeFetch(server.url('/cp1251-header'), allow);
  assert.equal(fetched.charset, 'windows-1251');
  for (const paragraph of CYRILLIC_PARAGRAPHS) assert.ok(fetched.html.includes(paragraph));
});

test('windows-1251 declared only in <meta charset> is decoded; KOI8-R in http-equiv too', async () => {
  const meta = await safeFetch(server.url('/cp1251-meta'), allow);
  assert.equal(meta.charset, 'windows-1251');
  assert.ok(meta.html.includes(CYRILLIC_PARAGRAPHS[2]!));
  const koi8 = await safeFetch(server.url('/koi8-http-equiv'), allow);
  assert.equal(koi8.charset, 'koi8-r');
  assert.ok(koi8.html.includes(CYRILLIC_PARAGRAPHS[0]!));
});

test('a gzip-encoded page is decompressed; a page without Content-Type that starts like HTML is taken', async () => {
  assert.ok((await safeFetch(server.url('/gzip'), allow)).html.includes(TRAM_PARAGRAPHS[0]!));
  assert.ok((await safeFetch(server.url('/no-type'), allow)).html.includes(TRAM_PARAGRAPHS[0]!));
});

test('a 6 MB page is refused, whether or not it declares its length, and when it is compressed', async () => {
  for (const path of ['/six-mb', '/six-mb-declared', '/six-mb-gzip'])
    await assert.rejects(safeFetch(server.url(path), allow), fail('too-large', /larger than 5 MB/));
});

test('a redirect loop is refused as a loop; more than 5 redirects as too many; 5 are followed', async () => {
  await assert.rejects(safeFetch(server.url('/loop-a'), allow), fail('redirect-loop', /loop-a/));
  await assert.rejects(safeFetch(server.url('/hop-0'), allow), fail('too-many-redirects', /more than 5/));
  const fetched = await safeFetch(server.url('/hop-2'), allow);
  assert.equal(fetched.finalUrl, server.url('/hop-7'));
  assert.deepEqual(
    fetched.redirects,
    [3, 4, 5, 6, 7].map((i) => server.url(`/hop-${i}`)),
  );
});

test('a redirect to the metadata address is refused before connecting, even with private networks allowed', async () => {
  await assert.rejects(
    safeFetch(server.url('/to-metadata'), allow),
    fail('blocked-address', /redirects to http:\/\/169\.254\.169\.254\/.*cloud metadata/),
  );
  const resolve = async (host: string) =>
    host === 'instance-data.test' ? [{ address: 'fd00:ec2::254', family: 6 as const }] : [];
  await assert.rejects(
    safeFetch(server.url('/to-metadata-name'), { ...allow, resolve }),
    fail('blocked-address', /instance-data\.test resolves to fd00:ec2::254, a cloud metadata/),
  );
  await assert.rejects(
    safeFetch(server.url('/to-ftp'), allow),
    fail('bad-scheme', /a redirect starts with ftp:/),
  );
});

test('the local server itself is refused by default: loopback, however the address is written', async () => {
  const hitsBefore = server.hits.length;
  await assert.rejects(
    safeFetch(server.url('/article')),
    fail('blocked-address', /127\.0\.0\.1 is a loopback/),
  );
  const port = new URL(server.origin).port;
  for (const host of ['[::1]', '[::ffff:127.0.0.1]', '2130706433', '0x7f.1', '127.1'])
    await assert.rejects(
      safeFetch(`http://${host}:${port}/article`),
      fail('blocked-address', /loopback/),
      host,
    );
  assert.equal(server.hits.length, hitsBefore, 'nothing reached the server');
});

test('the connection goes to the address that was checked, not to a later DNS answer', async () => {
  const answers: string[] = [];
  const resolve = async () => {
    // A rebinding resolver: the first answer passes the check, any later one points elsewhere.
    const address = answers.length === 0 ? '127.0.0.1' : '10.255.255.1';
    answers.push(address);
    return [{ address, family: 4 as const }];
  };
  const port = new URL(server.origin).port;
  const fetched = await safeFetch(`http://news.example:${port}/article`, { ...allow, resolve });
  assert.equal(fetched.status, 200);
  assert.deepEqual(answers, ['127.0.0.1']);
});

test('a page that never finishes, or never answers, ends at the deadline as too slow', async () => {
  for (const path of ['/never-ends', '/never-answers']) {
    const started = performance.now();
    await assert.rejects(
      safeFetch(server.url(path), { ...allow, timeoutMs: 300 }),
      fail('too-slow', /300 ms/),
    );
    assert.ok(performance.now() - started < 5000, 'the deadline ends it');
  }
});

test('a caller can cancel a fetch', async () => {
  const controller = new AbortController();
  const pending = safeFetch(server.url('/never-answers'), { ...allow, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, fail('cancelled'));
});

test('what is not a web page is refused by its type, and an error status by its status', async () => {
  await assert.rejects(safeFetch(server.url('/pdf'), allow), fail('not-html', /application\/pdf/));
  await assert.rejects(safeFetch(server.url('/binary-no-type'), allow), fail('not-html'));
  await assert.rejects(safeFetch(server.url('/gone'), allow), fail('http-status', /HTTP 410 Gone/));
  await assert.rejects(safeFetch(server.url('/nothing-here'), allow), fail('http-status', /HTTP 404/));
});

test('only http(s) without credentials, on a web port, is fetched', async () => {
  await assert.rejects(safeFetch('file:///etc/passwd', allow), fail('bad-scheme', /file:/));
  await assert.rejects(safeFetch('javascript:alert(1)', allow), fail('bad-scheme'));
  await assert.rejects(safeFetch('ftp://example.com/x', allow), fail('bad-scheme'));
  await assert.rejects(safeFetch('not a url', allow), fail('bad-url'));
  await assert.rejects(
    safeFetch(`http://user:secret@127.0.0.1:${new URL(server.origin).port}/`, allow),
    fail('credentials'),
  );
  await assert.rejects(safeFetch('http://127.0.0.1:25/', allow), fail('bad-port', /port 25/));
  assert.deepEqual(
    server.hits.filter((h) => h === '/'),
    [],
    'none of them reached the server',
  );
});
