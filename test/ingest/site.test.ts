import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameSite, siteOf } from '../../src/ingest/site.js';

test('a site is the registrable domain of the host, by the public suffix list', () => {
  assert.deepEqual(siteOf('https://news.bbc.co.uk/a'), { domain: 'bbc.co.uk', name: 'bbc' });
  assert.deepEqual(siteOf('https://WWW.Reuters.com/x'), { domain: 'reuters.com', name: 'reuters' });
  assert.deepEqual(siteOf('https://jane.github.io/x'), { domain: 'jane.github.io', name: 'jane' });
  assert.deepEqual(siteOf('https://xn--e1afmkfd.xn--p1ai/'), {
    domain: 'xn--e1afmkfd.xn--p1ai',
    name: 'xn--e1afmkfd',
  });
});

test('an IP address, localhost or a one-label host is its own site, with no name', () => {
  assert.deepEqual(siteOf('http://127.0.0.1:8080/x'), { domain: '127.0.0.1', name: null });
  assert.deepEqual(siteOf('http://[::1]/x'), { domain: '[::1]', name: null });
  assert.deepEqual(siteOf('http://localhost:3000/x'), { domain: 'localhost', name: null });
  assert.deepEqual(siteOf('http://intranet/x'), { domain: 'intranet', name: null });
});

test('same site: any subdomain and scheme of one registrable domain, and nothing else', () => {
  assert.ok(sameSite('http://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1'));
  assert.ok(!sameSite('https://evil.example/x', 'https://www.reuters.com/x'));
  assert.ok(!sameSite('https://jane.github.io/', 'https://john.github.io/'), 'a private suffix divides');
  assert.ok(!sameSite('http://127.0.0.1:8080/', 'http://127.0.0.2:8080/'));
});
