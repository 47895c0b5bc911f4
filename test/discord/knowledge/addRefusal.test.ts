import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refuseAdd } from '../../../src/discord/knowledge/addRefusal.js';
import type { Duplicate } from '../../../src/ingest/duplicates.js';

const existing = {
  id: 'tram-strike',
  file: 'tram-strike.md',
  title: '**Tram** strike @everyone <@123456789012345678>',
  url: 'https://news.example/tram',
  textKey: 'k',
};

test('a duplicate is refused in one sentence naming the document, its title escaped', () => {
  const byUrl = refuseAdd({ kind: 'duplicate', duplicate: { by: 'url', existing } satisfies Duplicate });
  assert.equal(byUrl.outcome, 'refused');
  assert.match(
    byUrl.message,
    /^Nothing was added: “.*” \(`tram-strike\.md`\) is already in the knowledge with this URL; add it with `replace:true` to replace it\.$/,
  );
  assert.ok(!byUrl.message.includes('**Tram**'));
  assert.ok(!/@everyone/.test(byUrl.message));
  assert.ok(!/(?<!\\)<@/.test(byUrl.message));
  const byText = refuseAdd({ kind: 'duplicate', duplicate: { by: 'text', existing } });
  assert.match(
    byText.message,
    /^Nothing was added: the same text is already in the knowledge as “.*” \(`tram-strike\.md`\)\.$/,
  );
});

test('a fetch or extraction problem is one escaped sentence', () => {
  const error = refuseAdd({ kind: 'unusable', reason: 'the page is larger than 5 MB, the limit' });
  assert.equal(error.message, 'Nothing was added: the page is larger than 5 MB, the limit.');
  assert.equal(
    refuseAdd({ kind: 'unusable', reason: 'the host name a_b_c does not exist' }).message,
    'Nothing was added: the host name a\\_b\\_c does not exist.',
  );
});
