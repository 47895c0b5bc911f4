import { REST, type RESTPostAPIApplicationCommandsJSONBody, type RouteLike, Routes } from 'discord.js';
import type { BotConfig } from '../config/botConfig.js';

/** The one REST call deploying needs; discord.js's REST has it, and tests pass a recorder. */
export interface CommandsRest {
  put(route: RouteLike, options: { body: unknown }): Promise<unknown>;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
}

export type DeployTarget = Pick<BotConfig, 'token' | 'clientId' | 'guildId' | 'apiUrl'>;

/**
 * Replaces the application's commands with `commands` (one PUT): in one guild when guildId is set
 * (instant, for development), else globally. count is what Discord answered with.
 */
export async function deployCommands(
  { token, clientId, guildId, apiUrl }: DeployTarget,
  commands: RESTPostAPIApplicationCommandsJSONBody[],
  rest: CommandsRest = new REST({ version: '10', ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token),
): Promise<DeployResult> {
  const route =
    guildId === null
      ? Routes.applicationCommands(clientId)
      : Routes.applicationGuildCommands(clientId, guildId);
  const answer = await rest.put(route, { body: commands });
  return {
    scope: guildId === null ? 'global' : 'guild',
    count: Array.isArray(answer) ? answer.length : commands.length,
  };
}
