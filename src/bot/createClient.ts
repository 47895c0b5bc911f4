import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { BotConfig } from '../config/botConfig.js';

/**
 * The discord.js client: Guilds intent only (no privileged intents), no mentions by default. In HTTP
 * mode it never logs in: `makeRequest` is the bridge's REST transport, and channels are built from the
 * interactions' payloads (Partials.Channel) since no gateway fills the caches.
 */
export function createClient(
  config: Pick<BotConfig, 'apiUrl'>,
  makeRequest?: RESTOptions['makeRequest'],
): Client {
  const rest = { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...(makeRequest ? { makeRequest } : {}) };
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    ...(makeRequest ? { partials: [Partials.Channel] } : {}),
    ...(Object.keys(rest).length > 0 ? { rest } : {}),
  });
}
