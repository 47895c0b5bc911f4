import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gapsPageId, tellMeId } from '../../../src/discord/customIds.js';
import { gapsMessage } from '../../../src/discord/gaps/gapsMessage.js';
import { withTellMe } from '../../../src/discord/gaps/tellMeRow.js';
import { LIMITS } from '../../../src/discord/send/limits.js';
import { fitMessage } from '../../../src/discord/send/payload.js';
import type { GapGroup } from '../../../src/state/gapStore.js';

function group(i: number, query = `Question number ${i} about the ferry?`): GapGroup {
  return {
    groupKey: `k${i}`,
    query,
    asks: 30 - i,
    members: 25 - i,
    subscribers: i % 2,
    firstAsked: '2024-05-01T10:00:00.000Z',
    lastAsked: '2024-05-01T12:00:00.000Z',
  };
}

test('/knowledge gaps shows ten groups a page, in the order given, with counts and a Discord timestamp', () => {
  const groups = Array.from({ length: 25 }, (_, i) => group(i, `${'Why '.repeat(300)}${i}?`));
  const first = gapsMessage(groups, 0);
  const [embed] = first.embeds ?? [];
  const description = embed?.description ?? '';
  assert.equal([...description.matchAll(/^\*\*\d+\.\*\* /gm)].length, 10);
  assert.match(description, /^\*\*1\.\*\* Why Why/);
  assert.match(description, /25 members · 30 asks · last asked <t:1714564800:R>/);
  assert.match(description, /24 members · 29 asks · 1 waiting to be told/);
  assert.ok(description.length <= LIMITS.embedDescription);
  assert.deepEqual(fitMessage(first), first, 'within every limit as it is');
  assert.match(
    embed?.footer?.text ?? '',
    /25 questions \(near-duplicates together\), 450 asks · page 1 of 3/,
  );
  const ids = first.components?.[0]?.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
  assert.deepEqual(ids, ['gaps-page.v1:0', 'gaps-page.v1:1']);

  const last = gapsMessage(groups, 2);
  assert.equal([...(last.embeds?.[0]?.description ?? '').matchAll(/^\*\*\d+\.\*\* /gm)].length, 5);
  assert.match(last.embeds?.[0]?.description ?? '', /^\*\*21\.\*\* /);
  assert.deepEqual(gapsPageId.parse('gaps-page.v1:2'), { page: 2 });
  assert.equal(gapsPageId.parse('gaps-page.v1:-1'), undefined);
});

test("members' questions are shown escaped: no ping, no link", () => {
  const text = gapsMessage([group(1, '@everyone <@123456789012345678> see https://evil.example')], 0)
    .embeds?.[0]?.description;
  assert.doesNotMatch(text ?? '', /@everyone|(^|[^\\])<@\d|https:\/\//);
  assert.equal(gapsMessage([group(1)], 0).components?.length, 0, 'one page: no pager');
});

test('with nothing unanswered, /knowledge gaps says so in a helpful sentence', () => {
  const empty = gapsMessage([], 0);
  assert.match(
    empty.embeds?.[0]?.description ?? '',
    /No unanswered questions are waiting\. When `\/ask` finds nothing/,
  );
  assert.equal(empty.ephemeral, true);
});

test('the Tell me button carries the kept question id; a forged id is not parsed', () => {
  const payload = withTellMe({ content: 'not found', ephemeral: true }, 42);
  const button = payload.components?.[0]?.components[0];
  assert.ok(button && 'custom_id' in button);
  assert.equal(button.custom_id, 'tell-me.v1:42');
  assert.deepEqual(tellMeId.parse(button.custom_id), { questionId: 42 });
  for (const forged of ['tell-me.v1:0', 'tell-me.v1:abc', 'tell-me.v1:1:2', 'tell-me.v1:', 'tell-me:42'])
    assert.equal(tellMeId.parse(forged), undefined, forged);
});
