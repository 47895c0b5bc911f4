import assert from 'node:assert/strict';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { DiscordEmulator } from '../../harness/emulator/index.js';
import { runCliScript } from '../../harness/runCliScript.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;
let moderatorRole: string;

shareBot(
  { COOLDOWN_QUESTIONS: '100' },
  (shared) => {
    ({ emu, bot } = shared);
  },
  (started) => {
    moderatorRole = started.addRole('crisis moderators', 0n);
    return { MODERATOR_ROLE_IDS: `111111111111111111, ${moderatorRole}` };
  },
);

interface Sent {
  content?: string;
  embeds?: { title?: string; description?: string }[];
  flags?: number;
  allowed_mentions?: unknown;
}

/** The final state of an interaction's first reply (after a deferral, the edited original). */
async function finalReply(i: { id: string }, predicate: (m: Sent) => boolean = () => true): Promise<Sent> {
  const [message] = await emu.waitForMessages(i, (ms) => ms.some((m) => predicate(m as Sent)), {
    timeoutMs: 10_000,
  });
  return message as Sent;
}

const text = (m: Sent) =>
  [m.content ?? '', ...(m.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');
const ask = (value: string, member = emu.members.plain) =>
  emu.chatInput('ask', [{ name: 'question', type: 3, value }], { member });

test('/reindex by a moderator reports what changed: documents added and passages before → after', async () => {
  await writeFile(
    join(bot.knowledgeDir, 'extra-harbour.md'),
    '---\ntitle: "Harbour note"\noutlet: "Test Wire"\npublished: 2020-09-10\n---\nThe harbour authority in Klaipeda counted nine hundred containers of potash waiting on the quay during the long transit dispute between the two governments.\n',
  );
  const i = emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator });
  const reply = await finalReply(i, (m) => /Reindex finished/.test(text(m)));
  assert.match(text(reply), /Added 1, changed 0, removed 0, skipped 0/);
  assert.match(text(reply), /`extra-harbour`/);
  assert.match(text(reply), /\*\*Passages:\*\* (\d+) → (\d+)/);
  const [, before, after] = /\*\*Passages:\*\* (\d+) → (\d+)/.exec(text(reply)) ?? [];
  assert.equal(Number(after), Number(before) + 1);
  const answer = await emu.waitForCallback(ask('potash containers in Klaipeda'));
  assert.match(text(answer.data as Sent), /Harbour note/);
});

test('a member with a role from MODERATOR_ROLE_IDS may reindex; the same member without it may not', async () => {
  const withRole = emu.createMember({ username: 'role-moderator', roles: [moderatorRole] });
  const accepted = await finalReply(
    emu.chatInput('reindex', [], { subcommand: 'update', member: withRole }),
    (m) => /Reindex/.test(text(m)),
  );
  assert.match(text(accepted), /Reindex finished/);
  const without = emu.createMember({ username: 'someone' });
  const cb = await emu.waitForCallback(
    emu.chatInput('reindex', [], { subcommand: 'update', member: without }),
  );
  assert.match((cb.data as Sent).content ?? '', /only moderators/);
});

test('a second /reindex while one runs is told it is already running', async () => {
  // A large new document makes the first reindex take long enough to overlap.
  const sentence =
    'The customs officers in Brest inspected the long queue of lorries carrying grain and timber. ';
  await writeFile(
    join(bot.knowledgeDir, 'extra-large.md'),
    `---\ntitle: "Large"\n---\n${sentence.repeat(10_000)}\n`,
  );
  const first = emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator });
  const second = emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator });
  const busy = await finalReply(second, (m) => /already running/.test(text(m)));
  assert.match(text(busy), /Answers keep coming from the current index/);
  const done = await finalReply(first, (m) => /Reindex finished/.test(text(m)));
  assert.match(text(done), /`extra-large`/);
  await rm(join(bot.knowledgeDir, 'extra-large.md'));
});

test('a broken document is skipped with its reason and the bot keeps serving', async () => {
  await writeFile(join(bot.knowledgeDir, 'broken.md'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37]));
  const reply = await finalReply(
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
    (m) => /Reindex finished/.test(text(m)),
  );
  assert.match(text(reply), /Skipped `broken.md`: /);
  const answer = await emu.waitForCallback(ask('What did the OSCE chair offer?'));
  assert.match(text(answer.data as Sent), /facilitate dialogue/);
  await rm(join(bot.knowledgeDir, 'broken.md'));
});

test('a failed reindex says why and leaves the old index serving', async () => {
  const moved = `${bot.knowledgeDir}-away`;
  await rename(bot.knowledgeDir, moved);
  try {
    const reply = await finalReply(
      emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
      (m) => /Reindex failed/.test(text(m)),
    );
    assert.match(text(reply), /does not exist/);
    assert.match(text(reply), /previous index is still serving/);
    const answer = await emu.waitForCallback(ask('Where was Navalny evacuated to?'));
    assert.match(text(answer.data as Sent), /Omsk to Berlin/);
  } finally {
    await rename(moved, bot.knowledgeDir);
  }
});

test('a document with mentions and markdown is quoted harmlessly', async () => {
  await writeFile(
    join(bot.knowledgeDir, 'hostile.md'),
    '---\ntitle: "Hostile [title](https://evil.example) @here"\noutlet: "Test Wire"\n---\nThe zeppelin inspectors said @everyone <@123> **bold** [link](https://x.example) <@&456> <#789> should attend the hearing on turnips.\n',
  );
  await finalReply(
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
    (m) => /Reindex finished/.test(text(m)),
  );
  const cb = await emu.waitForCallback(ask('zeppelin inspectors hearing on turnips'));
  const data = cb.data as Sent;
  assert.deepEqual(data.allowed_mentions, { parse: [] });
  const all = text(data);
  assert.match(all, /zeppelin/);
  assert.doesNotMatch(all, /(?<!\\)<@!?&?\d+>/, 'no user or role mention syntax');
  assert.doesNotMatch(all, /(?<!\\)<#\d+>/, 'no channel mention syntax');
  assert.doesNotMatch(all, /@(everyone|here)(?!\u200b)/, 'no @everyone/@here');
  assert.doesNotMatch(
    all,
    /(?<!\\)\[[^\]]*(?<!\\)\]\((?!\s)https:\/\/(x|evil)\.example/,
    'no masked link from the document',
  );
  assert.doesNotMatch(all, /(?<!\\)\*\*bold(?<!\\)\*\*/, 'document markdown does not format');
});

const reindexSub = (subcommand: 'update' | 'rollback', member = emu.members.moderator) =>
  emu.chatInput('reindex', [], { subcommand, member });

test('/reindex rollback serves the previous index, a second one undoes it, and members are refused', async () => {
  await writeFile(
    join(bot.knowledgeDir, 'extra-ferry.md'),
    '---\ntitle: "Ferry note"\noutlet: "Test Wire"\n---\nThe ferry operator in Tallinn cancelled eleven crossings because the icebreaker crews refused to sail during the strike over unpaid wages.\n',
  );
  await finalReply(reindexSub('update'), (m) => /Reindex finished/.test(text(m)));
  assert.match(
    text((await emu.waitForCallback(ask('ferry crossings cancelled in Tallinn'))).data as Sent),
    /Ferry note/,
  );

  const refused = await emu.waitForCallback(reindexSub('rollback', emu.members.plain));
  assert.match((refused.data as Sent).content ?? '', /only moderators can roll the index back/);

  const rolled = await finalReply(reindexSub('rollback'), (m) =>
    /Rolled back|Nothing was rolled back/.test(text(m)),
  );
  assert.match(text(rolled), /Rolled back to the previous index/);
  assert.match(text(rolled), /\*\*Out of answers:\*\* `extra-ferry`/);
  assert.match(text(rolled), /Automatic reindexing is paused/);
  assert.match(
    text((await emu.waitForCallback(ask('ferry crossings cancelled in Tallinn'))).data as Sent),
    /Not found/i,
  );

  const undone = await finalReply(reindexSub('rollback'), (m) =>
    /Rolled back|Nothing was rolled back/.test(text(m)),
  );
  assert.match(text(undone), /\*\*Back in answers:\*\* `extra-ferry`/);
  assert.match(
    text((await emu.waitForCallback(ask('ferry crossings cancelled in Tallinn'))).data as Sent),
    /Ferry note/,
  );
  await rm(join(bot.knowledgeDir, 'extra-ferry.md'));
  await finalReply(reindexSub('update'), (m) => /Reindex finished/.test(text(m)));
});

/** Asks until the answer matches (the bot checks for indexes saved elsewhere every 2 s). */
async function askUntil(question: string, pattern: RegExp): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    last = text((await emu.waitForCallback(ask(question))).data as Sent);
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`no answer matching ${pattern} within 10 s; last: ${last}`);
}

test('a reindex and a rollback from the command line reach the running bot', async () => {
  await writeFile(
    join(bot.knowledgeDir, 'extra-orchard.md'),
    '---\ntitle: "Orchard note"\noutlet: "Test Wire"\n---\nThe apple growers of Hrodna sold nine tonnes of windfall fruit to the cider press after the storm flattened the orchards near the border.\n',
  );
  const env = { KNOWLEDGE_DIR: bot.knowledgeDir, DATA_DIR: bot.dataDir };
  const reindexed = await runCliScript('reindexCli.ts', [], { env });
  assert.equal(reindexed.code, 0, reindexed.stderr);
  assert.match(reindexed.stdout, /\+ extra-orchard/);
  await askUntil('windfall apples sold to the cider press in Hrodna', /Orchard note/);

  const rolled = await runCliScript('reindexCli.ts', ['--rollback'], { env });
  assert.equal(rolled.code, 0, rolled.stderr);
  assert.match(rolled.stdout, /- extra-orchard/);
  await askUntil('windfall apples sold to the cider press in Hrodna', /Not found/i);
  await rm(join(bot.knowledgeDir, 'extra-orchard.md'));
  await finalReply(reindexSub('update'), (m) => /Reindex finished/.test(text(m)));
});
