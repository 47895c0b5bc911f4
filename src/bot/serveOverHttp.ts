import { setTimeout as sleep } from 'node:timers/promises';
import { type APIUser, type Client, ClientUser, Routes } from 'discord.js';
import type { Logger } from 'pino';
import type { BotConfig } from '../config/botConfig.js';
import type { HttpBridge } from '../discord/httpBridge.js';
import { startInteractionEndpoint } from '../http/interactionEndpoint.js';
import { discordPublicKey } from '../http/verifyRequest.js';
import type { Shutdown } from './watchProcess.js';

/** How long the endpoint keeps taking requests after /readyz turned 503 (with OPS_PORT). */
const SHUTDOWN_GRACE_MS = 1500;

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
  // What the gateway's READY would have given: the bot's own user (DMs need it). It also proves the
  // token before the endpoint takes anything.
  const me = (await client.rest.get(Routes.user())) as APIUser;
  const Me = ClientUser as unknown as new (client: Client, data: APIUser) => ClientUser;
  (client as { user: ClientUser | null }).user = new Me(client, me);
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
  shutdown.onClose(async () => {
    // /readyz turned 503 when closing began; a load balancer probing it stops sending within its
    // interval, so the endpoint takes what is already on the way before it closes.
    if (config.service.ops) await sleep(SHUTDOWN_GRACE_MS);
    await endpoint.close();
  });
  return { port: endpoint.port };
}
