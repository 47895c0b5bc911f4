import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PermissionFlagsBits as P, PermissionsBitField } from 'discord.js';
import { UserError } from '../../src/discord/errors.js';
import {
  ANY_ACTION,
  missingPermissionError,
  POST_IN_THREAD,
  START_THREAD,
  withPermissionHint,
} from '../../src/discord/missingPermission.js';

/** What @discordjs/rest throws for a 403: a DiscordAPIError carries Discord's numeric code and the status. */
const denied = (code = 50013) =>
  Object.assign(new Error(code === 50001 ? 'Missing Access' : 'Missing Permissions'), { code, status: 403 });

const all = new PermissionsBitField([
  P.ViewChannel,
  P.SendMessages,
  P.SendMessagesInThreads,
  P.CreatePublicThreads,
  P.ReadMessageHistory,
  P.EmbedLinks,
]);
const without = (...bits: bigint[]) =>
  new PermissionsBitField(all.bitfield & ~bits.reduce((a, b) => a | b, 0n));

const GRANT =
  "A server admin can grant it to my role (Server Settings → Roles) or in this channel's settings (Edit Channel → Permissions).";
const GRANT_THEM = GRANT.replace('grant it', 'grant them');

test('a 403 on starting a thread names the one permission the bot lacks and who can grant it', () => {
  const error = missingPermissionError(denied(), START_THREAD, without(P.CreatePublicThreads));
  assert.ok(error instanceof UserError);
  assert.equal(error.outcome, 'refused');
  assert.equal(
    error.message,
    `I can't open a thread on that message: I lack the Create Public Threads permission in this channel. ${GRANT}`,
  );
  assert.equal(
    missingPermissionError(denied(), START_THREAD, without(P.CreatePublicThreads, P.ReadMessageHistory))
      ?.message,
    `I can't open a thread on that message: I lack the Create Public Threads and Read Message History permissions in this channel. ${GRANT_THEM}`,
  );
  assert.equal(
    missingPermissionError(denied(), POST_IN_THREAD, without(P.SendMessagesInThreads))?.message,
    `I can't post in that thread: I lack the Send Messages in Threads permission in this channel. ${GRANT}`,
  );
});

test('when the granted permissions do not show the gap (a channel override, say), every permission the action needs is named', () => {
  for (const granted of [all, null]) {
    assert.equal(
      missingPermissionError(denied(), START_THREAD, granted)?.message,
      `I can't open a thread on that message: Discord says I lack a permission for it in this channel; it needs Create Public Threads and Read Message History. ${GRANT_THEM}`,
    );
  }
  assert.equal(
    missingPermissionError(denied(50001), POST_IN_THREAD, null)?.message,
    `I can't post in that thread: Discord says I lack a permission for it in this channel; it needs View Channel and Send Messages in Threads. ${GRANT_THEM}`,
  );
  assert.equal(
    missingPermissionError(denied(50001), POST_IN_THREAD, without(P.ViewChannel))?.message,
    `I can't post in that thread: I lack the View Channel permission in this channel. ${GRANT}`,
  );
  assert.equal(
    missingPermissionError(denied(), ANY_ACTION, null)?.message,
    `I can't do that: Discord says I lack a permission for it in this channel. A server admin can check my role's permissions (Server Settings → Roles) and this channel's settings (Edit Channel → Permissions).`,
  );
});

test('any other error is not a permission problem', () => {
  for (const error of [
    new Error('boom'),
    Object.assign(new Error('Unknown Message'), { code: 10008, status: 404 }),
    Object.assign(new Error('EACCES'), { code: 'EACCES' }),
    null,
    'text',
  ])
    assert.equal(missingPermissionError(error, START_THREAD, all), null);
});

test('withPermissionHint turns a denial into the clear sentence and passes anything else through', async () => {
  assert.equal(await withPermissionHint(START_THREAD, all, async () => 'thread'), 'thread');
  await assert.rejects(
    withPermissionHint(POST_IN_THREAD, without(P.SendMessagesInThreads), async () => {
      throw denied();
    }),
    (e: Error) => e instanceof UserError && /Send Messages in Threads/.test(e.message),
  );
  const other = new Error('boom');
  await assert.rejects(
    withPermissionHint(START_THREAD, all, async () => {
      throw other;
    }),
    (e) => e === other,
  );
});
