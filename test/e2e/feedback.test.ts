import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { BotProcess } from '../../harness/botProcess.js';
import { DiscordEmulator, type Json } from '../../harness/emulator/index.js';
import { runCliScript } from '../../harness/runCliScript.js';
import { flagId, flagReasonId, showContextId } from '../../src/discord/customIds.js';
import { createIdHasher } from '../../src/log/hashId.js';
import type { AuditEntry } from '../../src/state/auditLog.js';
import type { FeedbackRecord } from '../../src/state/feedbackRecord.js';
import { statePath } from '../../src/state/openState.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import {
  bodyOf,
  buttonsOf,
  buttonsOfFamily,
  buttonWith,
  EPHEMERAL,
  NO_MENTIONS,
  requestsAfter,
  settle,
  view,
} from '../helpers/discordView.js';
import { shareBot } from '../helpers/sharedBot.js';

const SALT = 'e2e-feedback-salt';
const hash = createIdHasher(SALT);

let emu: DiscordEmulator;
let bot: BotProcess;
let modLogId: string;

shareBot(
  { COOLDOWN_QUESTIONS: '100', LOG_ID_SALT: SALT },
  (shared) => {
    ({ emu, bot } = shared);
  },
  (started) => {
    // Added before the bot connects, so its GUILD_CREATE lists the channel.
    modLogId = started.addChannel('mod-log').id as string;
    return { MOD_LOG_CHANNEL_ID: modLogId };
  },
);

/** Answered by one passage. */
const ONE = 'What did the OSCE chair offer?';
/** Answered by exactly three passages. */
const THREE = 'Did Russia offer Lukashenko military help?';
const UNCOVERED = 'What is the capital of Australia?';
const HOSTILE = '@everyone <@123> [x](https://y.example)';

const plainUserId = () => (emu.members.plain.user as Json).id as string;

async function ask(question: string) {
  const done = await settle(emu, bot, () =>
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }]),
  );
  return { ...done, message: emu.originalMessage(done.interaction) as Json };
}

const click = (customId: string, message: Json, member = emu.members.plain) =>
  settle(emu, bot, () => emu.button(customId, message, { member }));

/** Opens the bot's state database beside the running bot (as `npm run feedback` does) and reads it. */
async function fromState<T>(dataDir: string, read: (state: SqliteState) => Promise<T>): Promise<T> {
  const state = SqliteState.open({ path: statePath(dataDir) });
  try {
    return await read(state);
  } finally {
    await state.close();
  }
}

const records = (dataDir = bot.dataDir): Promise<FeedbackRecord[]> =>
  fromState(dataDir, (state) => state.feedback.list());
const auditEntries = (): Promise<AuditEntry[]> => fromState(bot.dataDir, (state) => state.audit.recent(10));

const contextIds = (message: Json) =>
  buttonsOfFamily(message, 'context').map((b) => showContextId.parse(b.custom_id)?.passageId);

/** The custom_id of the button labelled `label`. */
const byLabel = (message: Json, label: string) => {
  const found = buttonsOf(message).find((b) => b.label === label);
  assert.ok(found, `a "${label}" button`);
  return found.custom_id;
};

const modLogPosts = (seq: number) =>
  requestsAfter(emu, seq, 'createMessage').filter((r) => r.route === `/channels/${modLogId}/messages`);

test('Flag opens a modal; its submit is recorded and posted to the mod-log channel, harmlessly', async () => {
  const { message } = await ask(ONE);
  const flag = buttonWith(message, 'flag');
  assert.equal(flag.label, 'Flag 1');
  const { key, passageId } = flagId.parse(flag.custom_id) ?? { key: '', passageId: '' };
  assert.equal(passageId, contextIds(message)[0]);

  const opened = await click(flag.custom_id, message);
  assert.equal(opened.callback.type, 9, 'a modal');
  const modal = opened.callback.data as Json;
  assert.equal(modal.custom_id, flagReasonId.build({ key, passageId }));
  assert.match(JSON.stringify(modal.components), /What is wrong with this passage\?/);
  assert.match(JSON.stringify(modal.components), /"max_length":500/);
  assert.equal(opened.log.command, 'button:flag');

  const seq = emu.recorder.lastSeq;
  const submitted = await settle(emu, bot, () =>
    emu.modalSubmit(flagReasonId.build({ key, passageId }), { reason: HOSTILE }, { message }),
  );
  assert.equal(submitted.callback.type, 4);
  assert.equal(submitted.data.content, 'Thanks, the moderators will look at it.');
  assert.equal(submitted.data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(submitted.data.allowed_mentions, NO_MENTIONS);
  assert.equal(submitted.log.command, 'modal:flag-reason');

  const last = (await records()).at(-1);
  assert.equal(last?.kind, 'flag');
  assert.equal(last?.query, ONE);
  assert.equal(last?.key, key);
  assert.deepEqual(last?.passageIds, [passageId]);
  assert.equal(last?.reason, HOSTILE, 'stored verbatim');
  assert.equal(last?.member, hash(plainUserId()));

  const posts = modLogPosts(seq);
  assert.equal(posts.length, 1);
  const post = bodyOf(posts[0]);
  assert.deepEqual(post.allowed_mentions, NO_MENTIONS);
  const embed = post.embeds[0] as Json & { fields?: { name: string; value: string }[] };
  assert.equal(embed.title, 'Passage flagged');
  assert.match(String(embed.description), /accept the OSCE chair's offer to facilitate dialogue/);
  assert.match(
    String(embed.description),
    /Senior US Diplomat Aims to Bridge Differences .* — GlobalSecurity\.org, 2020-08-26/,
  );
  assert.equal((embed.footer as Json).text, `passage ${passageId}`);
  const field = (name: string) => embed.fields?.find((f) => f.name === name)?.value ?? '';
  assert.equal(field('Question'), 'What did the OSCE chair offer?');
  const all = JSON.stringify(post.embeds);
  const reason = field('Reason');
  assert.match(reason, /everyone/);
  assert.doesNotMatch(reason, /@(everyone|here)(?!\u200b)/, 'no @everyone');
  assert.doesNotMatch(reason, /(?<!\\)<@!?&?\d+>/, 'no user mention');
  assert.doesNotMatch(reason, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, 'no masked link');
  assert.doesNotMatch(reason, /https:\/\//, 'no clickable link');
  assert.ok(!all.includes('@everyone'));
  const stored = emu.channelMessages(modLogId).map(view).at(-1);
  assert.equal(stored?.embeds[0]?.title, 'Passage flagged');
});

test('a moderator /reindex is audited in the mod-log channel: who, mode, changes, passages', async () => {
  await writeFile(
    join(bot.knowledgeDir, 'extra-harbour.md'),
    '---\ntitle: "Harbour note"\noutlet: "Test Wire"\npublished: 2020-09-10\n---\nThe harbour authority in Klaipeda counted nine hundred containers of potash waiting on the quay during the long transit dispute between the two governments.\n',
  );
  const seq = emu.recorder.lastSeq;
  const moderator = emu.members.moderator;
  const { log } = await settle(emu, bot, () =>
    emu.chatInput('reindex', [], { subcommand: 'update', member: moderator }),
  );
  assert.equal(log.outcome, 'done');
  const posts = modLogPosts(seq);
  assert.equal(posts.length, 1);
  const post = bodyOf(posts[0]);
  assert.deepEqual(post.allowed_mentions, NO_MENTIONS);
  const embed = post.embeds[0];
  assert.equal(embed?.title, 'Reindex (incremental)');
  const moderatorId = (moderator.user as Json).id as string;
  assert.match(embed?.description ?? '', new RegExp(`^\\*\\*By\\*\\* <@${moderatorId}>`));
  assert.match(embed?.description ?? '', /Added 1, changed 0, removed 0, skipped 0\./);
  assert.match(embed?.description ?? '', /\*\*Added:\*\* `extra-harbour`/);
  const [, before, after] = /\*\*Passages:\*\* (\d+) → (\d+)/.exec(embed?.description ?? '') ?? [];
  assert.equal(Number(after), Number(before) + 1);
  const audit = bot.logs.find((l) => l.msg === 'moderator action');
  assert.equal(audit?.action, 'reindex');
  assert.equal(audit?.moderator, hash(moderatorId));
  assert.deepEqual((audit?.diff as Json | undefined)?.added, ['extra-harbour']);
  const [row] = await auditEntries();
  assert.deepEqual(
    { action: row?.action, moderator: row?.moderator, guildId: row?.guildId, added: row?.diff.added },
    { action: 'reindex', moderator: hash(moderatorId), guildId: audit?.guild, added: ['extra-harbour'] },
    'the moderator action is in the audit log too',
  );
});

test('a member refused /reindex leaves no audit post', async () => {
  const seq = emu.recorder.lastSeq;
  const { log } = await settle(emu, bot, () =>
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.plain }),
  );
  assert.equal(log.outcome, 'refused');
  assert.deepEqual(modLogPosts(seq), []);
});

test('npm run feedback summarises the state database: flagged passages, "not found", voted unhelpful', async () => {
  // What members did besides the flag above: a second flag on that passage (from an answer that had
  // expired), a question not found, and a helpful vote beside another member's lasting "not helpful".
  const { message: one } = await ask(ONE);
  await settle(emu, bot, () =>
    emu.modalSubmit(
      flagReasonId.build({ key: 'zzzzzzzzzz', passageId: contextIds(one)[0] ?? '' }),
      { reason: '   ' },
      { message: one },
    ),
  );
  await ask(UNCOVERED);
  const { message } = await ask(THREE);
  await click(byLabel(message, 'Helpful'), message);
  await click(byLabel(message, 'Not helpful'), message, emu.createMember({ username: 'critic' }));
  const env = { DATA_DIR: bot.dataDir, KNOWLEDGE_DIR: bot.knowledgeDir };
  const flagged = (await records()).find((r) => r.kind === 'flag' && r.query === ONE);
  assert.ok(flagged);
  const passageId = flagged.passageIds[0] as string;

  const text = await runCliScript('feedbackCli.ts', [], { env });
  assert.equal(text.code, 0, text.stderr);
  const out = text.stdout;
  assert.match(out, /^\d+ feedback records in .*state\.db$/m);
  const flaggedSection = /Most-flagged passages\n([\s\S]*?)\n\n/.exec(out)?.[1] ?? '';
  assert.match(flaggedSection, new RegExp(`^\\s+2 {2}${passageId} `, 'm'));
  assert.match(flaggedSection, /Senior US Diplomat Aims to Bridge Differences/);
  assert.match(
    flaggedSection,
    /\(2020-08-26-globalsecurity-[a-z0-9-]+\): ".{20,}"$/m,
    'document and first words',
  );
  assert.match(flaggedSection, /latest reason: "@everyone <@123> \[x\]\(https:\/\/y\.example\)"/);
  assert.match(out, /Questions answered "not found"\n\s+1 {2}What is the capital of Australia\?/);
  assert.match(
    out,
    /Questions voted unhelpful\n[\s\S]*Did Russia offer Lukashenko military help\? {2}\(1 not helpful, 1 helpful\)/,
  );

  const json = await runCliScript('feedbackCli.ts', ['--json'], { env });
  assert.equal(json.code, 0, json.stderr);
  const summary = JSON.parse(json.stdout) as {
    malformed: number;
    flagged: { passageId: string; flags: number; reasons: string[]; passage: { title: string } | null }[];
    notFound: { query: string; count: number }[];
  };
  assert.equal(summary.malformed, 0);
  const top = summary.flagged.find((f) => f.passageId === passageId);
  assert.equal(top?.flags, 2);
  assert.deepEqual(top?.reasons, [HOSTILE]);
  assert.match(top?.passage?.title ?? '', /Senior US Diplomat/);
  assert.deepEqual(
    summary.notFound.map((q) => [q.query, q.count]),
    [[UNCOVERED, 1]],
  );
});

test('without MOD_LOG_CHANNEL_ID nothing is posted and nothing goes wrong', async () => {
  const quiet = new DiscordEmulator();
  await quiet.start();
  const other = quiet.addChannel('mod-log');
  const quietBot = await BotProcess.start(quiet, { COOLDOWN_QUESTIONS: '100' });
  try {
    const asked = await settle(quiet, quietBot, () =>
      quiet.chatInput('ask', [{ name: 'question', type: 3, value: ONE }]),
    );
    const message = quiet.originalMessage(asked.interaction) as Json;
    const flagArgs = flagId.parse(buttonWith(message, 'flag').custom_id);
    assert.ok(flagArgs);
    const flagged = await settle(quiet, quietBot, () =>
      quiet.modalSubmit(flagReasonId.build(flagArgs), { reason: 'wrong' }, { message }),
    );
    assert.equal(flagged.data.content, 'Thanks, the moderators will look at it.');
    const reindexed = await settle(quiet, quietBot, () =>
      quiet.chatInput('reindex', [], { subcommand: 'update', member: quiet.members.moderator }),
    );
    assert.equal(reindexed.log.outcome, 'done');
    assert.deepEqual(requestsAfter(quiet, 0, 'createMessage'), [], 'no channel message at all');
    assert.deepEqual(quiet.channelMessages(other.id as string), []);
    assert.ok(!quietBot.logs.some((l) => l.level >= 40), 'no warning or error');
    assert.ok(
      quietBot.logs.some((l) => l.msg === 'moderator action'),
      'still logged',
    );
    assert.deepEqual(
      (await records(quietBot.dataDir)).map((r) => r.kind),
      ['flag'],
    );
  } finally {
    await quietBot.stop();
    await quiet.stop();
  }
});
