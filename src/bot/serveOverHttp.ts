import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import type { HttpBridge } from '../discord/httpBridge.js';
import { startInteractionEndpoint } from '../http/interactionEndpoint.js';
import { discordPublicKey } from '../http/verifyRequest.js';
import type { Shutdown } from './watchProcess.js';

/**
 * HTTP mode: no gateway login; the client's REST calls carry the bot token (threads, DMs, the review
 * channel), and Discord's POSTs to /interactions reach the same handlers through the bridge. Closing
 * stops taking requests first.
 */
export async function serveOverHttp(
  bridge: HttpBridge,
  client: Client,
  config: BotConfig,
  logger: Logger,
  shutdown: Shutdown,
): Promise<{ port: number }> {
  bridge.attach(client);
  client.rest.setToken(config.token);
  const { publicKey, http } = config.service;
  if (!publicKey) throw new Error('DISCORD_PUBLIC_KEY is required in http mode');
  const endpoint = await startInteractionEndpoint({
    host: http.host,
    port: http.port,
    publicKey: discordPublicKey(publicKey),
    logger,
    handle: (interaction) => bridge.handle(interaction),
  });
  logger.info({ host: http.host, port: endpoint.port }, 'listening for interactions at /interactions');
  shutdown.onClose(() => endpoint.close());
  return { port: endpoint.port };
}
