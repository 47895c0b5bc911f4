import { type LogLevel, optional, readEngineConfig } from './engineConfig.js';
import { optionalSnowflake, readBool, readInt, snowflake } from './envValues.js';
import { ConfigError, MissingTokenError } from './errors.js';
import { type FeedConfig, readFeedConfig } from './feedConfig.js';
import { readServiceConfig, type ServiceConfig } from './serviceConfig.js';

export interface BotConfig {
  /** DISCORD_TOKEN: the bot token. Never printed, never logged. */
  token: string;
  /** DISCORD_CLIENT_ID: the application id (a snowflake). */
  clientId: string;
  /** DISCORD_GUILD_ID: register commands in this one guild (instant) instead of globally. */
  guildId: string | null;
  /** MODERATOR_ROLE_IDS: roles whose members may use moderator commands, besides Manage Server. */
  moderatorRoleIds: string[];
  /** MOD_LOG_CHANNEL_ID: where moderator actions and flagged passages are posted; null posts nowhere. */
  modLogChannelId: string | null;
  /** DISCORD_API_URL: REST base without /v10 (a local Discord emulator); null means Discord itself. */
  apiUrl: string | null;
  /** COOLDOWN_QUESTIONS per COOLDOWN_SECONDS for each member. */
  cooldown: { questions: number; seconds: number };
  /** KNOWLEDGE_UPLOAD_MAX_BYTES: the largest file /knowledge add accepts (default 2 MB). */
  uploadMaxBytes: number;
  /** FEED_POLL_MINUTES and REVIEW_CHANNEL_ID: feeds and their review queue. */
  feeds: FeedConfig;
  /** KNOWLEDGE_WATCH=true|false (default false): reindex when the knowledge folder changes on disk. */
  knowledgeWatch: boolean;
  /** KNOWLEDGE_WATCH_DEBOUNCE_MS (default 1000, 50–60000): quiet time after the last edit before reindexing. */
  watchDebounceMs: number;
  knowledgeDir: string;
  dataDir: string;
  logLevel: LogLevel;
  /** LOG_PRETTY=true|false; unset means true only when NODE_ENV=development (pino-pretty is a dev dependency). */
  prettyLogs: boolean;
  /** INTERACTIONS_MODE, HTTP_*, DISCORD_PUBLIC_KEY, OPS_*, DATABASE_URL. */
  service: ServiceConfig;
}

type Env = Record<string, string | undefined>;

export function describeMissingToken(): string {
  return [
    'The bot needs DISCORD_TOKEN and DISCORD_CLIENT_ID. Set them in .env (copy .env.example to .env).',
    'Where to get them: https://discord.com/developers/applications → New Application →',
    '  Bot → Reset Token gives DISCORD_TOKEN; the Application ID on General Information is DISCORD_CLIENT_ID.',
    'See "Running the bot" in the README.',
    'Without a token you can still ask questions offline: npm run ask -- "your question"',
  ].join('\n');
}

function readToken(env: Env): string {
  const token = optional(env, 'DISCORD_TOKEN');
  if (token === undefined) throw new MissingTokenError();
  if (/\s/.test(token))
    throw new ConfigError(
      'DISCORD_TOKEN',
      'must not contain whitespace (paste the token alone, without "Bot ")',
    );
  return token;
}

function readClientId(env: Env): string {
  const value = optional(env, 'DISCORD_CLIENT_ID');
  if (value === undefined)
    throw new ConfigError('DISCORD_CLIENT_ID', 'is not set (the Application ID on General Information)');
  return snowflake('DISCORD_CLIENT_ID', value);
}

function readRoleIds(env: Env): string[] {
  const value = optional(env, 'MODERATOR_ROLE_IDS');
  if (value === undefined) return [];
  const ids = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  ids.forEach((id, i) => {
    snowflake('MODERATOR_ROLE_IDS', id, `must be comma-separated role ids; item ${i + 1} is not`);
  });
  return [...new Set(ids)];
}

function readApiUrl(env: Env): string | null {
  const value = optional(env, 'DISCORD_API_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DISCORD_API_URL', 'must be a URL such as http://127.0.0.1:3000/api');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('DISCORD_API_URL', `must be an http or https URL (got ${url.protocol})`);
  const base = value.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base))
    throw new ConfigError('DISCORD_API_URL', 'must not end with the API version (/v10): discord.js adds it');
  return base;
}

function readPretty(env: Env): boolean {
  return readBool(env, 'LOG_PRETTY', optional(env, 'NODE_ENV') === 'development');
}

/** Reads and checks the bot's whole configuration at start-up; throws ConfigError naming the variable. */
export function readBotConfig(env: Env = process.env): BotConfig {
  const token = readToken(env);
  return {
    token,
    clientId: readClientId(env),
    guildId: optionalSnowflake(env, 'DISCORD_GUILD_ID'),
    moderatorRoleIds: readRoleIds(env),
    modLogChannelId: optionalSnowflake(env, 'MOD_LOG_CHANNEL_ID'),
    apiUrl: readApiUrl(env),
    cooldown: {
      questions: readInt(env, 'COOLDOWN_QUESTIONS', 5, 1, 100),
      seconds: readInt(env, 'COOLDOWN_SECONDS', 30, 1, 3600),
    },
    uploadMaxBytes: readInt(env, 'KNOWLEDGE_UPLOAD_MAX_BYTES', 2 * 1024 * 1024, 1, 5 * 1024 * 1024),
    feeds: readFeedConfig(env),
    knowledgeWatch: readBool(env, 'KNOWLEDGE_WATCH', false),
    watchDebounceMs: readInt(env, 'KNOWLEDGE_WATCH_DEBOUNCE_MS', 1000, 50, 60000),
    ...readEngineConfig(env, 'info'),
    prettyLogs: readPretty(env),
    service: readServiceConfig(env),
  };
}
