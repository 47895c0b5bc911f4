import { DiscordAPIError, HTTPError, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commands } from '../../commands/index.js';
import { describeMissingToken, readBotConfig } from '../config/botConfig.js';
import { MissingTokenError } from '../config/errors.js';
import { deployCommands } from '../discord/registerCommands.js';
import { forTerminal } from '../util/forTerminal.js';
import { UsageError } from './errors.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const USAGE = `usage: npm run deploy-commands

Registers the bot's slash commands with Discord: in DISCORD_GUILD_ID when set (appears at once),
else globally (may take up to an hour to appear). Reads DISCORD_TOKEN and DISCORD_CLIENT_ID from .env.`;

async function main(io: CliIo): Promise<number> {
  if (io.argv.length > 0) throw new UsageError('deploy-commands takes no arguments');
  let config: ReturnType<typeof readBotConfig>;
  try {
    config = readBotConfig(io.env);
  } catch (error) {
    if (!(error instanceof MissingTokenError)) throw error;
    io.stderr.write(forTerminal(`configuration error: ${error.message}\n\n${describeMissingToken()}\n`));
    return 2;
  }
  const body = commands.map((command: { data: RESTPostAPIApplicationCommandsJSONBody }) => command.data);
  try {
    const { scope, count } = await deployCommands(config, body);
    const noun = count === 1 ? 'command' : 'commands';
    io.stdout.write(
      scope === 'guild'
        ? `registered ${count} ${noun} in guild ${config.guildId}\n`
        : `registered ${count} ${noun} globally (may take up to an hour to appear)\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DiscordAPIError || error instanceof HTTPError)) throw error;
    const hint = error.status === 401 ? ' (is DISCORD_TOKEN right?)' : '';
    // The message is Discord's (or a proxy's) text.
    io.stderr.write(
      forTerminal(`error: Discord refused the commands (HTTP ${error.status}): ${error.message}${hint}\n`),
    );
    return 1;
  }
}

export const deployCommandsCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, deployCommandsCli);
