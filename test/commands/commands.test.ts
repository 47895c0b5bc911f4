import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  buttonsOf,
  buttonWith,
  EPHEMERAL,
  embedText,
  type MessageView,
  NO_MENTIONS,
} from '../helpers/discordView.js';
import { useBundledEngine } from '../helpers/fakeContext.js';
import { MODERATOR } from '../helpers/fakeInteraction.js';
import { inProcessBot } from '../helpers/inProcessBot.js';

// Each command's outcome through the real router, in process; members may ask 3 questions per 30 s.
const engine = useBundledEngine();
const bot = inProcessBot(engine, { cooldown: { questions: 3, seconds: 30 } });

const QUESTION = 'What did the OSCE chair offer?';
const CLAIM = 'I read that Lukashenko won 80.1% of the vote in the election.';
const NOT_FOUND = 'No passage in the knowledge bears on that message, so there is nothing to cite for it.';
const NAVALNY = '2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences';
const DM = { guildId: null };

const text = (m: MessageView) =>
  [
    m.content,
    ...m.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`),
  ].join('\n');

/** Each asker gets a member id of their own, so the cooldown under test only counts its own questions. */
let members = 0;
const someone = () => ({ userId: `2000000000000000${String(++members).padStart(2, '0')}` });

test('/ask answers publicly with quotes and buttons; a private one is ephemeral with Share, not Open thread', async () => {
  const { callback, data, log } = await bot.command('ask', { question: QUESTION }, someone());
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, 0, 'a public answer');
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.equal(data.embeds[0]?.title, QUESTION);
  assert.match(
    embedText(data),
    /accept the \*\*OSCE\*\* \*\*chair's\*\* \*\*offer\*\* to facilitate dialogue/,
  );
  assert.deepEqual(
    buttonsOf(data).map((b) => b.label),
    ['More sources', 'Open thread', 'Context 1', 'Helpful', 'Not helpful', 'Flag 1'],
  );
  assert.deepEqual([log.command, log.outcome, log.results], ['ask', 'answered', 1]);

  const secret = await bot.command('ask', { question: QUESTION, private: true }, someone());
  assert.equal(secret.data.flags & EPHEMERAL, EPHEMERAL);
  assert.deepEqual(
    buttonsOf(secret.data)
      .slice(0, 2)
      .map((b) => b.label),
    ['More sources', 'Share'],
  );
});

test('a question the knowledge does not cover gets a private "not found" with the closest topics, recorded for moderators', async () => {
  const uncovered = 'What is the capital of Australia?';
  const { data, log } = await bot.command('ask', { question: uncovered }, someone());
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(data.embeds[0]?.title ?? '', /^Not found/);
  assert.match(data.embeds[0]?.description ?? '', /does not cover this/);
  assert.match(data.embeds[0]?.description ?? '', /Closest topics/);
  assert.equal(log.outcome, 'not_found');
  assert.deepEqual(
    (await bot.ctx.state.gaps.asked()).map((q) => q.query),
    [uncovered],
  );
  assert.deepEqual(
    bot.feedback.filter((r) => r.kind === 'not_found'),
    [],
    'kept once, as the gap',
  );
});

test('the per-member cooldown answers "try again in N s" and leaves other members alone', async () => {
  const eager = someone();
  for (let n = 0; n < 3; n++) {
    const { data } = await bot.command('ask', { question: 'Lukashenka KGB appointments' }, eager);
    assert.match(text(data), /KGB/);
  }
  const refused = await bot.command('ask', { question: 'Lukashenka KGB appointments' }, eager);
  assert.equal(refused.data.flags & EPHEMERAL, EPHEMERAL);
  const wait = Number(/try again in (\d+) s/.exec(refused.data.content)?.[1]);
  assert.ok(wait >= 1 && wait <= 60, refused.data.content);
  assert.equal(refused.log.outcome, 'refused');
  const other = await bot.command('ask', { question: 'Lukashenka KGB appointments' }, someone());
  assert.match(text(other.data), /KGB/);
});

test('/reindex and every /knowledge subcommand are refused to a member, privately; autocomplete names no file', async () => {
  const reindex = await bot.command('reindex', {}, { subcommand: 'update' });
  assert.equal(reindex.callback.type, 4);
  assert.equal(reindex.data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(reindex.data.content, /only moderators can reindex/);
  assert.deepEqual(reindex.data.allowed_mentions, NO_MENTIONS);
  assert.equal(reindex.log.outcome, 'refused');
  for (const [subcommand, values] of [
    ['list', {}],
    ['remove', { document: NAVALNY }],
    ['restore', { document: 'whatever.md' }],
  ] as const) {
    const { data, log } = await bot.command('knowledge', values, { subcommand });
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL, subcommand);
    assert.match(data.content, /only moderators can/, subcommand);
    assert.equal(log.outcome, 'refused', subcommand);
  }
  const { choices } = await bot.autocomplete(
    'knowledge',
    'document',
    { document: '' },
    { subcommand: 'remove' },
  );
  assert.deepEqual(choices, []);
  assert.ok(existsSync(join(engine.dirs().knowledgeDir, `${NAVALNY}.md`)), 'nothing removed');
  const forModerator = await bot.autocomplete(
    'knowledge',
    'document',
    { document: 'senior' },
    { subcommand: 'remove', member: MODERATOR },
  );
  assert.ok(
    forModerator.choices.some((c) => c.value.includes(NAVALNY)),
    JSON.stringify(forModerator.choices),
  );
});

test('/knowledge list shows a moderator each file with its status and passages, privately', async () => {
  const { data, log } = await bot.command('knowledge', {}, { subcommand: 'list', member: MODERATOR });
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  const body = text(data);
  assert.match(body, /Knowledge folder/);
  assert.match(body, new RegExp(`${NAVALNY}\\.md\` · indexed, \\d+ passages`));
  assert.match(body, /5 indexed, 0 skipped · page 1 of 1/);
  assert.deepEqual([log.outcome, log.results], ['listed', 5]);
});

test('Find sources on a private message is refused: nothing of it is posted', async () => {
  const { data, log, sent } = await bot.messageCommand('Find sources', CLAIM, {
    ...someone(),
    ephemeral: true,
  });
  assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
  assert.match(data.content, /^That message is private/);
  assert.equal(log.outcome, 'refused');
  assert.deepEqual(
    sent.map((s) => s.method),
    ['reply'],
  );
});

test('Find sources on a message without text, or on a claim the knowledge does not cover, says so privately', async () => {
  const cases: [string, string][] = [
    ['', 'That message has no text to check against the sources.'],
    ['   \n  ', 'That message has no text to check against the sources.'],
    ['The capital of Australia is Canberra, not Sydney.', NOT_FOUND],
  ];
  for (const [content, expected] of cases) {
    const { callback, data, log, sent } = await bot.messageCommand('Find sources', content, someone());
    assert.equal(callback.type, 4);
    assert.equal(data.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(data.content, expected);
    assert.deepEqual(data.embeds, []);
    assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
    assert.deepEqual(
      sent.map((s) => s.method),
      ['reply'],
      'no thread, nothing posted',
    );
    assert.equal(log.outcome, expected === NOT_FOUND ? 'not_found' : 'invalid');
  }
});

test('in a DM, Find sources and /ask answer in the conversation, with no thread and no thread button', async () => {
  const { callback, data, log, sent } = await bot.messageCommand('Find sources', CLAIM, {
    ...someone(),
    ...DM,
  });
  assert.equal(callback.type, 4);
  assert.equal(data.flags & EPHEMERAL, 0);
  assert.deepEqual(data.allowed_mentions, NO_MENTIONS);
  assert.equal(data.embeds[0]?.title, CLAIM);
  assert.match(embedText(data), /\*\*Lukashenko\*\* \*\*won\*\* \*\*80\.1\*\*% of the \*\*vote\*\*/);
  assert.equal(log.guild, 'dm');
  assert.equal(log.outcome, 'answered');
  assert.deepEqual(
    sent.map((s) => s.method),
    ['reply'],
    'answered in the conversation: no thread',
  );
  const labels = (m: MessageView) => buttonsOf(m).map((b) => b.label);
  assert.ok(!labels(data).includes('Open thread'), `no thread button in a DM: ${labels(data)}`);
  assert.ok(labels(data).includes('More sources'));

  const asked = await bot.command('ask', { question: QUESTION }, { ...someone(), ...DM });
  assert.equal(asked.callback.type, 4);
  assert.deepEqual(asked.data.allowed_mentions, NO_MENTIONS);
  assert.deepEqual(labels(asked.data), ['More sources', 'Context 1', 'Helpful', 'Not helpful', 'Flag 1']);
});

test('in a DM, the buttons of a Find sources answer keep checking the message as a claim', async () => {
  // Answered at the claim bar only: its conversational words dilute it below the question bar.
  const chatty = 'I keep reading that Lukashenko won 80.1% of the vote. Is that right?';
  const member = { ...someone(), ...DM };
  const found = await bot.messageCommand('Find sources', chatty, member);
  assert.equal(found.log.outcome, 'answered');
  const more = buttonWith(found.data, 'more');
  const clicked = await bot.button(more.custom_id, found.data, member);
  assert.doesNotMatch(clicked.data.embeds[0]?.title ?? '', /^Not found/);
  assert.match(
    clicked.data.content || embedText(clicked.data),
    /There are no further sources for this question\.|\[4\] /,
  );
});

test('/help lists the commands privately; /sources its documents', async () => {
  const help = await bot.command('help');
  assert.equal(help.data.flags & EPHEMERAL, EPHEMERAL);
  assert.equal(help.log.outcome, 'shown');
  const sources = await bot.command('sources');
  assert.equal(sources.data.embeds[0]?.title, 'Sources in the knowledge');
  assert.deepEqual([sources.log.outcome, sources.log.results], ['listed', 5]);
  assert.ok(engine().current.documents.size === 5);
});

test('/reindex update by a moderator defers, reports, and audits under the interaction it belongs to', async () => {
  const posted = bot.modLog.length;
  const done = await bot.command('reindex', {}, { subcommand: 'update', member: MODERATOR });
  assert.deepEqual(
    done.sent.map((s) => s.method),
    ['deferReply', 'editReply'],
  );
  assert.equal(done.data.flags & EPHEMERAL, EPHEMERAL, 'deferred privately');
  assert.match(text(done.final), /Reindex finished/);
  assert.match(text(done.final), /Added 0, changed 0, removed 0, skipped 0/);
  assert.equal(done.log.outcome, 'done');
  assert.equal(bot.modLog.length, posted + 1, 'one audit post');
  const audit = bot.log.lines.filter((l) => l.msg === 'moderator action').at(-1);
  assert.equal(audit?.obj.interactionId, done.interaction.id, 'the audit line names its interaction');
  assert.equal(audit?.obj.command, 'reindex');
});
