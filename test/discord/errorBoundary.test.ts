import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Interaction } from 'discord.js';
import type { BotContext } from '../../src/discord/botContext.js';
import { handleInteractionError } from '../../src/discord/errorBoundary.js';
import { noMetrics } from '../../src/ops/metrics.js';
import { StateUnavailableError } from '../../src/state/errors.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';

/** A button interaction as far as the boundary uses it, keeping what it was answered. */
function fakeInteraction() {
  const replies: { content?: string; flags?: unknown }[] = [];
  const interaction = {
    id: '1234567890123456789',
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isRepliable: () => true,
    reply: async (options: { content?: string; flags?: unknown }) => {
      replies.push(options);
      return { resource: null };
    },
  };
  return { interaction: interaction as unknown as Interaction, replies };
}

test('a permission denial nobody mapped still tells the member what is wrong and who can fix it', async () => {
  const { interaction, replies } = fakeInteraction();
  const log = recordingLogger();
  const denied = Object.assign(new Error('Missing Permissions'), { code: 50013, status: 403 });
  const outcome = await handleInteractionError(interaction, denied, {
    logger: log.logger,
    metrics: noMetrics,
  } as unknown as BotContext);
  assert.deepEqual(outcome, { outcome: 'refused' });
  assert.equal(replies.length, 1);
  assert.equal(
    replies[0]?.content,
    "I can't do that: Discord says I lack a permission for it in this channel. A server admin can check my role's permissions (Server Settings → Roles) and this channel's settings (Edit Channel → Permissions).",
  );
  assert.deepEqual(log.messages('error'), [], 'a server setting, not a bot failure');
  assert.deepEqual(log.messages('warn'), ['Discord refused: the bot lacks a permission']);
});

test('anything else unexpected is logged as an error and answered with the apology', async () => {
  const { interaction, replies } = fakeInteraction();
  const log = recordingLogger();
  const outcome = await handleInteractionError(interaction, new Error('boom'), {
    logger: log.logger,
    metrics: noMetrics,
  } as unknown as BotContext);
  assert.deepEqual(outcome, { outcome: 'invalid' });
  assert.equal(replies[0]?.content, APOLOGY);
  assert.deepEqual(log.messages('error'), ['interaction failed']);
});

test('a state database that fails (PostgreSQL down, SQLite read-only now) gets a sentence to retry, never the error', async () => {
  const failures = [
    new StateUnavailableError('the state database is not answering', {
      cause: new Error('connect ECONNREFUSED'),
    }),
    Object.assign(new Error('attempt to write a readonly database'), {
      name: 'SqliteError',
      code: 'SQLITE_READONLY',
    }),
  ];
  for (const failure of failures) {
    let counted = 0;
    const metrics = { ...noMetrics, stateError: () => void counted++ };
    const { interaction, replies } = fakeInteraction();
    const log = recordingLogger();
    const outcome = await handleInteractionError(interaction, failure, {
      logger: log.logger,
      metrics,
    } as unknown as BotContext);
    assert.deepEqual(outcome, { outcome: 'unavailable' });
    assert.equal(
      replies[0]?.content,
      'The bot cannot reach its database right now, so this could not be saved or read. Please try again in a minute.',
    );
    assert.deepEqual(log.messages('error'), ['the state database failed; the member was asked to retry']);
    assert.equal(counted, 1, 'counted in crisis_desk_state_errors_total');
  }
});
