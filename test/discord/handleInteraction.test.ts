import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApplicationCommandType, MessageFlags } from 'discord-api-types/v10';
import { buttonHandlers } from '../../src/discord/buttons/index.js';
import type { ChatCommand, Command } from '../../src/discord/command.js';
import { UserError } from '../../src/discord/errors.js';
import { handleInteraction, registryOf } from '../../src/discord/handleInteraction.js';
import { modalHandlers } from '../../src/discord/modals/index.js';
import { respond } from '../../src/discord/send/respond.js';
import { hashId } from '../../src/log/hashId.js';
import { fakeContext } from '../helpers/fakeContext.js';
import { fakeAutocomplete, fakeButton, fakeChatInput, fakeModalSubmit } from '../helpers/fakeInteraction.js';

const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';
const OUTDATED = 'This button is from an older version of the bot. Please ask again.';

/** A chat command made of `execute` alone, for the router's own behaviour. */
function command(name: string, execute: ChatCommand['execute'], extra: Partial<ChatCommand> = {}): Command {
  return {
    kind: 'chat',
    data: { type: ApplicationCommandType.ChatInput, name, description: name },
    execute,
    ...extra,
  };
}

const echo = command('echo', async (interaction) => {
  await respond(interaction, { content: `echo ${interaction.options.getString('text', true)}` });
  return { outcome: 'answered', results: 1 };
});

const registry = (...commands: Command[]) => registryOf(commands, buttonHandlers, modalHandlers);

/** The one "interaction" line, with its fields. */
function interactionLine(log: ReturnType<typeof fakeContext>['log']) {
  const lines = log.lines.filter((l) => l.msg === 'interaction');
  assert.equal(lines.length, 1, 'one line per interaction');
  return lines[0]?.obj ?? {};
}

test('a command is dispatched to its handler and gets one log line: command, outcome, results, who', async () => {
  const { ctx, log } = fakeContext(null);
  const { interaction, sent } = fakeChatInput('echo', { text: 'hi' });
  await handleInteraction(interaction, ctx, registry(echo));
  assert.deepEqual(
    sent.map((s) => [s.method, s.options.content]),
    [['reply', 'echo hi']],
  );
  assert.deepEqual(sent[0]?.options.allowedMentions, { parse: [] }, 'through the send boundary');
  const line = interactionLine(log);
  assert.equal(line.command, 'echo');
  assert.equal(line.outcome, 'answered');
  assert.equal(line.results, 1);
  assert.equal(line.guild, 'guild-1');
  assert.equal(line.member, hashId(interaction.user.id));
  assert.equal(typeof line.latencyMs, 'number');
  assert.equal(line.interactionId, interaction.id);
});

test('a command this version does not have is answered privately, never thrown at the member', async () => {
  const { ctx, log } = fakeContext(null);
  const { interaction, sent } = fakeChatInput('gone');
  await handleInteraction(interaction, ctx, registry(echo));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.options.content, 'This command is not part of this version of the bot.');
  assert.equal(sent[0]?.options.flags, MessageFlags.Ephemeral);
  assert.equal(interactionLine(log).outcome, 'invalid');
  assert.deepEqual(log.messages('error'), [], 'an expected problem, not a failure');
});

test('the cooldown counts questions only: past the limit a question is refused before it runs', async () => {
  const { ctx, log } = fakeContext(null, { cooldown: { questions: 2, seconds: 30 } });
  let asked = 0;
  const question = command(
    'q',
    async (interaction) => {
      asked++;
      await respond(interaction, { content: 'answer' });
      return { outcome: 'answered', results: 1 };
    },
    { asksQuestion: true },
  );
  const reg = registry(question, echo);
  const replies: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { interaction, sent } = fakeChatInput('q', {}, { userId: 'alice' });
    await handleInteraction(interaction, ctx, reg);
    replies.push(sent[0]?.options.content);
  }
  assert.equal(asked, 2, 'the third question never reaches its command');
  assert.deepEqual(replies.slice(0, 2), ['answer', 'answer']);
  assert.match(replies[2] ?? '', /^You're asking quickly; try again in (30|29) s\.$/);
  const outcomes = log.lines.filter((l) => l.msg === 'interaction').map((l) => l.obj.outcome);
  assert.deepEqual(outcomes, ['answered', 'answered', 'refused']);

  const other = fakeChatInput('q', {}, { userId: 'bob' });
  await handleInteraction(other.interaction, ctx, reg);
  assert.equal(other.sent[0]?.options.content, 'answer', 'members are counted apart');
  const notAQuestion = fakeChatInput('echo', { text: 'still fine' }, { userId: 'alice' });
  await handleInteraction(notAQuestion.interaction, ctx, reg);
  assert.equal(notAQuestion.sent[0]?.options.content, 'echo still fine', 'other commands are not limited');
});

test('a failure is answered with the apology and its stack logged, on the line of the same interaction', async () => {
  const { ctx, log } = fakeContext(null);
  const boom = new Error('the index fell over');
  const failing = command('fail', async () => {
    throw boom;
  });
  const { interaction, sent } = fakeChatInput('fail');
  await handleInteraction(interaction, ctx, registry(failing));
  assert.deepEqual(
    sent.map((s) => [s.method, s.options.content, s.options.flags]),
    [['reply', APOLOGY, MessageFlags.Ephemeral]],
  );
  const [failure] = log.lines.filter((l) => l.level === 'error');
  assert.equal(failure?.msg, 'interaction failed');
  assert.equal(failure?.obj.err, boom);
  assert.match(
    String((failure?.obj.err as Error | undefined)?.stack),
    /the index fell over\n\s+at /,
    'the stack is logged',
  );
  assert.equal(failure?.obj.interactionId, interaction.id, 'the failure names its interaction');
  assert.equal(failure?.obj.command, 'fail');
  const line = interactionLine(log);
  assert.equal(line.interactionId, interaction.id, 'the same id as the outcome line');
  assert.equal(line.outcome, 'invalid');
});

test('a failure after the handler deferred edits the deferred reply; after a reply, it follows up', async () => {
  const { ctx } = fakeContext(null);
  const deferredThenFails = command('slow', async (interaction) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    throw new Error('late failure');
  });
  const repliedThenFails = command('twice', async (interaction) => {
    await respond(interaction, { content: 'first part' });
    throw new Error('second part failed');
  });
  const reg = registry(deferredThenFails, repliedThenFails);
  const slow = fakeChatInput('slow');
  await handleInteraction(slow.interaction, ctx, reg);
  assert.deepEqual(
    slow.sent.map((s) => [s.method, s.options.content]),
    [
      ['deferReply', undefined],
      ['editReply', APOLOGY],
    ],
  );
  const twice = fakeChatInput('twice');
  await handleInteraction(twice.interaction, ctx, reg);
  assert.deepEqual(
    twice.sent.map((s) => [s.method, s.options.content]),
    [
      ['reply', 'first part'],
      ['followUp', APOLOGY],
    ],
  );
});

test('an expected problem is told as is and logged as nothing worse than its outcome', async () => {
  const { ctx, log } = fakeContext(null);
  const refusing = command('refuse', async () => {
    throw new UserError('Only moderators can do that.', 'refused');
  });
  const { interaction, sent } = fakeChatInput('refuse');
  await handleInteraction(interaction, ctx, registry(refusing));
  assert.equal(sent[0]?.options.content, 'Only moderators can do that.');
  assert.equal(sent[0]?.options.flags, MessageFlags.Ephemeral);
  assert.deepEqual(log.messages('error'), []);
  assert.deepEqual(log.messages('warn'), []);
  assert.equal(interactionLine(log).outcome, 'refused');
});

test('what a handler logs carries the interaction id and command of its outcome line', async () => {
  const { ctx, log } = fakeContext(null);
  const chatty = command('chatty', async (interaction, scoped) => {
    scoped.logger.warn({ detail: 1 }, 'something odd');
    await respond(interaction, { content: 'ok' });
    return { outcome: 'done' };
  });
  const { interaction } = fakeChatInput('chatty');
  await handleInteraction(interaction, ctx, registry(chatty));
  const [warning] = log.lines.filter((l) => l.msg === 'something odd');
  assert.deepEqual(warning?.obj, { interactionId: interaction.id, command: 'chatty', detail: 1 });
});

test('an autocomplete that fails answers with no choices and logs a warning', async () => {
  const { ctx, log } = fakeContext(null);
  const broken = command('typed', async () => ({ outcome: 'done' }), {
    autocomplete: async () => {
      throw new Error('suggester broke');
    },
  });
  const { interaction, choices } = fakeAutocomplete('typed', 'text', { text: 'abc' });
  await handleInteraction(interaction, ctx, registry(broken));
  assert.deepEqual(choices(), []);
  assert.deepEqual(log.messages('warn'), ['autocomplete failed; answering with no choices']);
  assert.equal(interactionLine(log).outcome, 'listed');
});

test('ids of an older format are answered "outdated" through the router, for buttons and modals alike', async () => {
  const { ctx, log } = fakeContext(null);
  const reg = registry();
  const ids = [
    'more:zzzzzzzzzz:3', // unversioned: from before ids had versions
    'ctx:0123456789ab', // a family that was renamed
    'share:zzzzzzzzzz',
    'vote:zzzzzzzzzz:up',
    'more.v0:zzzzzzzzzz:3', // another version
    'more.v1:ZZ:3', // forged fields
    'more.v1:zzzzzzzzzz:3:extra',
    'legacy',
  ];
  for (const id of ids) {
    const { interaction, sent } = fakeButton(id);
    await handleInteraction(interaction, ctx, reg);
    assert.deepEqual(
      sent.map((s) => [s.method, s.options.content, s.options.flags]),
      [['reply', OUTDATED, MessageFlags.Ephemeral]],
      id,
    );
  }
  for (const id of ['flagm:zzzzzzzzzz:0123456789ab', 'flag-reason:zzzzzzzzzz:0123456789ab']) {
    const { interaction, sent } = fakeModalSubmit(id, { reason: 'wrong' });
    await handleInteraction(interaction, ctx, reg);
    assert.equal(sent[0]?.options.content, OUTDATED, id);
  }
  const lines = log.lines.filter((l) => l.msg === 'interaction');
  assert.deepEqual(
    lines.map((l) => l.obj.outcome),
    ids.map(() => 'expired').concat(['expired', 'expired']),
  );
  assert.deepEqual(
    lines.slice(0, 2).map((l) => l.obj.command),
    ['button:more', 'button:ctx'],
  );
  assert.deepEqual(log.messages('error'), [], 'nothing was logged as an error');
});

test('every button and modal family has one handler, found by its name', () => {
  const families = [
    'more',
    'share',
    'thread',
    'context',
    'search-page',
    'timeline-page',
    'sources-page',
    'knowledge-page',
    'vote',
    'flag',
    'article',
    'tell-me',
    'gaps-page',
    'review',
  ];
  assert.deepEqual([...buttonHandlers.keys()].sort(), families.sort());
  for (const [name, handler] of buttonHandlers) assert.equal(handler.family, name);
  assert.deepEqual([...modalHandlers.keys()], ['flag-reason']);
});
