import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { EmulatorCore } from './emulator-core.js';
import { withTimeout } from './wait.js';

/** Options of connectClient(). */
export interface ConnectOptions {
  /** Extra client options (intents default to Guilds; `rest.api` is always the emulator). */
  client?: Partial<ClientOptions>;
  /** Token to log in with (default: the emulator's). */
  token?: string;
  /** Bound on login + clientReady (default 4000 ms). */
  timeoutMs?: number;
}

/** Destroys a discord.js client, giving up after `timeoutMs` (destroy() can hang on broken sessions). */
export async function destroyClient(client: Client, timeoutMs = 2000): Promise<void> {
  await withTimeout(
    client.destroy().catch(() => undefined),
    timeoutMs,
  );
}

/** An in-process discord.js client logged in to the emulator and fully ready (guilds received). */
export async function connectClient(emulator: EmulatorCore, options: ConnectOptions = {}): Promise<Client> {
  const timeoutMs = options.timeoutMs ?? 4000;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options.client,
    rest: { ...options.client?.rest, api: emulator.apiUrl },
  });
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  ready.catch(() => undefined);
  try {
    await client.login(options.token ?? emulator.token);
    await ready;
  } catch (error) {
    await destroyClient(client);
    throw error;
  }
  return client;
}

/**
 * Runs `handler` on the client's next interactionCreate; resolves with the interaction and the handler's
 * result, rejects when the handler throws or no interaction arrives within `timeoutMs` (default 3000).
 */
export function handleNextInteraction<T>(
  client: Client,
  handler: (interaction: Interaction) => Promise<T>,
  timeoutMs = 3000,
): Promise<{ interaction: Interaction; result: T }> {
  return new Promise((resolve, reject) => {
    const listener = (interaction: Interaction): void => {
      clearTimeout(timer);
      client.off(Events.InteractionCreate, listener);
      handler(interaction).then((result) => resolve({ interaction, result }), reject);
    };
    const timer = setTimeout(() => {
      client.off(Events.InteractionCreate, listener);
      reject(new Error(`No interactionCreate within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(Events.InteractionCreate, listener);
  });
}
