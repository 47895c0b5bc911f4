import { Client, GatewayIntentBits } from 'discord.js';
import type { BotConfig } from '../config/botConfig.js';

/** The gateway client: Guilds intent only (no privileged intents), no mentions by default. */
export function createClient(config: Pick<BotConfig, 'apiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}
