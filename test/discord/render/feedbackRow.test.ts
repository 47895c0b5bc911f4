import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPassageId, isQueryKey } from '../../../src/discord/customIds.js';
import { feedbackRow, passageIdsOf } from '../../../src/discord/render/feedbackRow.js';
import { flagMessage } from '../../../src/discord/render/flagMessage.js';
import { flagModal } from '../../../src/discord/render/flagModal.js';
import { fitModal } from '../../../src/discord/send/modal.js';
import type { PassageInContext } from '../../../src/search/passageInContext.js';

const KEY = 'a1b2c3d4e5';
const IDS = ['0123456789ab', 'abcdef012345-2', 'ffffffffffff'];

test('the feedback row: Helpful, Not helpful, Flag n per citation, ids within 100 characters', () => {
  const row = feedbackRow(
    KEY,
    IDS.map((passageId, i) => ({ rank: i + 4, passageId })),
  );
  assert.deepEqual(
    row.components.map((b) => ('custom_id' in b ? [b.label, b.custom_id] : [])),
    [
      ['Helpful', `vote.v1:${KEY}:up`],
      ['Not helpful', `vote.v1:${KEY}:down`],
      ['Flag 4', `flag.v1:${KEY}:${IDS[0]}`],
      ['Flag 5', `flag.v1:${KEY}:${IDS[1]}`],
      ['Flag 6', `flag.v1:${KEY}:${IDS[2]}`],
    ],
  );
  assert.deepEqual(passageIdsOf([{ components: [] }, row, { type: 1 }]), IDS, 'read back from the message');
});

test('feedback ids accept what we make and nothing else', () => {
  assert.ok(isQueryKey(KEY));
  for (const bad of [undefined, '', 'A1', 'a'.repeat(11), 'a:b']) assert.ok(!isQueryKey(bad), String(bad));
  for (const id of IDS) assert.ok(isPassageId(id), id);
  for (const bad of [undefined, '0123', '0123456789ag', '../etc/passwd', `${IDS[0]}-x`])
    assert.ok(!isPassageId(bad), String(bad));
});

test('the flag modal carries the key and passage, with one optional reason of at most 500 characters', () => {
  const modal = fitModal(flagModal(KEY, IDS[0] as string));
  assert.equal(modal.custom_id, `flag-reason.v1:${KEY}:${IDS[0]}`);
  assert.ok(modal.title.length <= 45);
  const [label] = modal.components;
  assert.ok(label && 'component' in label);
  assert.equal(label.label, 'What is wrong with this passage?');
  assert.deepEqual(
    { ...label.component },
    { type: 4, custom_id: 'reason', style: 2, required: false, max_length: 500 },
  );
  assert.throws(() => fitModal({ ...modal, custom_id: 'x'.repeat(101) }));
});

const CONTEXT: PassageInContext = {
  passage: {
    id: IDS[0] as string,
    documentId: 'doc',
    ordinal: 1,
    start: 0,
    end: 10,
    text: 'The harbour *authority* counted <@42> containers.',
    sentences: [],
    prev: null,
    next: null,
  },
  previous: null,
  next: null,
  source: {
    title: 'Harbour note',
    outlet: 'Test Wire',
    outletClaim: null,
    author: null,
    published: '2020-09-10',
    publishedInferred: false,
    url: null,
  },
  documentId: 'doc',
};

test('a flag for the mod-log shows passage, source, reason and question, with nothing live in them', () => {
  const payload = flagMessage({
    passageId: IDS[0] as string,
    context: CONTEXT,
    reason: '@everyone <@123> [x](https://y.example)',
    query: 'Who counted **containers**? https://z.example',
    memberId: '222222222222222222',
  });
  const embed = payload.embeds?.[0];
  assert.equal(embed?.title, 'Passage flagged');
  assert.match(embed?.description ?? '', /The harbour \\\*authority\\\* counted \\<@42> containers\./);
  assert.match(embed?.description ?? '', /Harbour note — Test Wire, 2020-09-10/);
  assert.equal(embed?.footer?.text, `passage ${IDS[0]}`);
  const [reason, question, by] = embed?.fields ?? [];
  assert.equal(reason?.value, '@\u200beveryone \\<@123> \\[x](https\\://y.example)');
  assert.equal(question?.value, 'Who counted \\*\\*containers\\*\\*? https\\://z.example');
  assert.equal(by?.value, '<@222222222222222222>');

  const gone = flagMessage({
    passageId: 'ffffffffffff',
    context: null,
    reason: null,
    query: null,
    memberId: '1',
  });
  assert.match(gone.embeds?.[0]?.description ?? '', /`ffffffffffff` is no longer in the knowledge/);
  assert.equal(gone.embeds?.[0]?.fields?.[0]?.value, '*No reason given.*');
  assert.match(gone.embeds?.[0]?.fields?.[1]?.value ?? '', /Unknown/);
});
