import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { type CommandsRest, deployCommands } from '../../src/discord/registerCommands.js';

const COMMANDS: RESTPostAPIApplicationCommandsJSONBody[] = [
  { name: 'ask', description: 'Ask a question' },
  { name: 'sources', description: 'List the sources' },
];
const TARGET = { token: 'unused', clientId: '123456789012345678', apiUrl: null };

function recorder(answer: (body: unknown) => unknown = (body) => body) {
  const calls: { route: string; body: unknown }[] = [];
  const rest: CommandsRest = {
    put: async (route, { body }) => {
      calls.push({ route, body });
      return answer(body);
    },
  };
  return { rest, calls };
}

test('with a guild id, all commands are PUT to the guild route', async () => {
  const { rest, calls } = recorder();
  const result = await deployCommands({ ...TARGET, guildId: '98765432109876543' }, COMMANDS, rest);
  assert.deepEqual(result, { scope: 'guild', count: 2 });
  assert.deepEqual(calls, [
    { route: '/applications/123456789012345678/guilds/98765432109876543/commands', body: COMMANDS },
  ]);
});

test('without a guild id, commands are registered globally', async () => {
  const { rest, calls } = recorder();
  const result = await deployCommands({ ...TARGET, guildId: null }, COMMANDS, rest);
  assert.deepEqual(result, { scope: 'global', count: 2 });
  assert.deepEqual(calls, [{ route: '/applications/123456789012345678/commands', body: COMMANDS }]);
});

test('the count is what Discord answered with', async () => {
  const { rest } = recorder(() => [{ id: '1', name: 'ask' }]);
  assert.deepEqual(await deployCommands({ ...TARGET, guildId: null }, COMMANDS, rest), {
    scope: 'global',
    count: 1,
  });
});

test('a failed PUT rejects', async () => {
  const { rest } = recorder(() => {
    throw new Error('401: Unauthorized');
  });
  await assert.rejects(deployCommands({ ...TARGET, guildId: null }, COMMANDS, rest), /401/);
});
