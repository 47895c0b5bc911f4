import assert from 'node:assert/strict';
import { test } from 'node:test';
import { busyText } from '../../../src/discord/busyText.js';
import { idList } from '../../../src/discord/render/idList.js';
import { ENDED_ROLLBACK, reindexMessage } from '../../../src/discord/render/reindexMessage.js';
import { rollbackMessage } from '../../../src/discord/render/rollbackMessage.js';
import { ReindexBusyError } from '../../../src/engine/errors.js';
import type { ReindexReport } from '../../../src/engine/reindexReport.js';
import type { RollbackReport } from '../../../src/engine/rollbackReport.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `document-number-${i}-with-a-long-name`);

test('id lists stop at 15 and say how many more, as code, or are empty', () => {
  assert.equal(idList('Added', []), '');
  assert.equal(idList('Added', ['a_b']), '**Added:** `a_b`');
  const long = idList('Added', ids(40));
  assert.equal((long.match(/`/g) ?? []).length, 30);
  assert.match(long, / … and 25 more$/);
});

test('a rollback over hundreds of documents keeps its instructions and fits an embed', () => {
  const report: RollbackReport = {
    from: { generation: 'b', builtAt: '2026-11-24T10:00:00.000Z', documents: 900, passages: 9000 },
    to: { generation: 'a', builtAt: '2026-11-24T09:00:00.000Z', documents: 300, passages: 3000 },
    added: ids(300),
    removed: ids(600),
    changed: ids(200),
    ms: 12,
  };
  const description = rollbackMessage(report).embeds?.[0]?.description ?? '';
  assert.ok(description.length < 4096, `${description.length} characters`);
  assert.match(description, /^The knowledge folder is untouched\. Automatic reindexing is paused/);
  assert.match(description, /\*\*Now serving:\*\* the index built <t:\d+:f> · 300 documents, 3000 passages/);
  assert.match(description, /\*\*Out of answers:\*\* .* … and 585 more/);
});

test('a reindex that ends a rollback says so', () => {
  const report: ReindexReport = {
    mode: 'incremental',
    added: ['turnips'],
    changed: [],
    removed: [],
    arrived: [],
    skipped: [],
    documents: 6,
    passagesBefore: 78,
    passagesAfter: 79,
    ms: 5,
    applyMs: 3,
    saveMs: 2,
    saved: true,
  };
  assert.ok(!reindexMessage(report).embeds?.[0]?.description?.includes(ENDED_ROLLBACK));
  assert.ok(
    reindexMessage({ ...report, endedRollback: true }).embeds?.[0]?.description?.includes(ENDED_ROLLBACK),
  );
});

test('busy replies say what is running, or who holds the lock and since when', () => {
  assert.equal(busyText(null, 'Wait.'), 'A reindex is already running. Wait.');
  assert.equal(busyText(null, 'Wait.', 'rollback'), 'A rollback is running. Wait.');
  assert.match(busyText(null, 'Wait.', 'reload'), /switching to an index saved from the command line/);
  const held = new ReindexBusyError({
    pid: 4242,
    hostname: 'h',
    purpose: 'reindex',
    since: '2026-11-24T10:00:00.000Z',
    token: 't',
  });
  assert.equal(
    busyText(held, 'Wait.'),
    `Another process (pid 4242, reindex) is writing the index since <t:${Date.parse('2026-11-24T10:00:00.000Z') / 1000}:R>. Wait.`,
  );
});
