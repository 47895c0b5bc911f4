import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressProblem, classifyAddress } from '../../src/ingest/addressPolicy.js';
import { IngestError } from '../../src/ingest/errors.js';
import { vetHost } from '../../src/ingest/vetHost.js';

const refusedByDefault: [string, RegExp][] = [
  ['10.0.0.1', /private network/],
  ['172.16.0.1', /private network/],
  ['172.31.255.254', /private network/],
  ['192.168.1.1', /private network/],
  ['127.0.0.1', /loopback/],
  ['127.53.0.9', /loopback/],
  ['169.254.1.1', /link-local/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['::1', /loopback/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /link-local/],
  ['fd12:3456::1', /private network/],
  ['::ffff:127.0.0.1', /loopback/],
  ['::ffff:7f00:1', /loopback/],
  ['::ffff:10.1.2.3', /private network/],
  ['::127.0.0.1', /loopback/],
  ['64:ff9b::c0a8:101', /private network/], // NAT64 of 192.168.1.1
  ['2002:a00:1::', /private network/], // 6to4 of 10.0.0.1
];

const neverFetched: [string, RegExp][] = [
  ['169.254.169.254', /cloud metadata/],
  ['169.254.170.2', /cloud metadata/],
  ['100.100.100.200', /cloud metadata/],
  ['fd00:ec2::254', /cloud metadata/],
  ['::ffff:169.254.169.254', /cloud metadata/],
  ['0.0.0.0', /unspecified/],
  ['::', /unspecified/],
  ['224.0.0.1', /multicast/],
  ['ff02::1', /multicast/],
  ['255.255.255.255', /broadcast/],
  ['192.0.2.10', /reserved/],
  ['240.0.0.1', /reserved/],
  ['2001:db8::1', /reserved/],
];

const publicAddresses = ['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];

test('private, loopback, link-local and CGNAT addresses are refused by default, with the reason', () => {
  for (const [address, reason] of refusedByDefault)
    assert.match(addressProblem(address) ?? 'allowed', reason, address);
});

test('FETCH_ALLOW_PRIVATE opens loopback and private networks, never metadata, multicast or unspecified', () => {
  for (const [address] of refusedByDefault) assert.equal(addressProblem(address, true), null, address);
  for (const [address, reason] of neverFetched) {
    assert.match(addressProblem(address) ?? 'allowed', reason, address);
    assert.match(addressProblem(address, true) ?? 'allowed', reason, address);
  }
});

test('public addresses pass, IPv4 and IPv6 alike', () => {
  for (const address of publicAddresses) assert.equal(classifyAddress(address), null, address);
});

const fail = (kind: string, message: RegExp) => (error: unknown) =>
  error instanceof IngestError && error.kind === kind && message.test(error.message);

test('a host name resolving to 127.0.0.1 is refused by default, naming the address; allowed with the setting', async () => {
  const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
  await assert.rejects(
    vetHost('news.example', { allowPrivate: false, resolve }),
    fail('blocked-address', /^news\.example resolves to 127\.0\.0\.1, a loopback address/),
  );
  assert.deepEqual(await vetHost('news.example', { allowPrivate: true, resolve }), [
    { address: '127.0.0.1', family: 4 },
  ]);
});

test('one bad address among several refuses the host', async () => {
  const resolve = async () => [
    { address: '93.184.216.34', family: 4 as const },
    { address: '::1', family: 6 as const },
  ];
  await assert.rejects(
    vetHost('mixed.example', { allowPrivate: false, resolve }),
    fail('blocked-address', /::1/),
  );
});

test('localhost through the system resolver is refused by default', async () => {
  await assert.rejects(vetHost('localhost', { allowPrivate: false }), fail('blocked-address', /loopback/));
});

test('an IP literal is checked without a lookup; a name that does not resolve is told apart', async () => {
  const resolve = async () => {
    throw Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' });
  };
  await assert.rejects(
    vetHost('10.0.0.1', { allowPrivate: false, resolve }),
    fail('blocked-address', /^10\.0\.0\.1 is a private/),
  );
  await assert.rejects(
    vetHost('nowhere.example', { allowPrivate: false, resolve }),
    fail('unknown-host', /does not exist/),
  );
});
