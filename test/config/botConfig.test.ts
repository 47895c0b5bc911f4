import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { describeMissingToken, readBotConfig } from '../../src/config/botConfig.js';
import { ConfigError, MissingTokenError } from '../../src/config/errors.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';
const BASE = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678' };

function configError(env: Record<string, string>): ConfigError {
  try {
    readBotConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected readBotConfig to throw');
}

test('defaults: only the token and client id are needed', () => {
  const config = readBotConfig({ ...BASE });
  assert.deepEqual(config, {
    token: TOKEN,
    clientId: '123456789012345678',
    guildId: null,
    moderatorRoleIds: [],
    modLogChannelId: null,
    apiUrl: null,
    cooldown: { questions: 5, seconds: 30 },
    uploadMaxBytes: 2 * 1024 * 1024,
    feeds: { pollMs: 15 * 60_000, reviewChannelId: null, allowPrivate: false },
    knowledgeWatch: false,
    watchDebounceMs: 1000,
    knowledgeDir: resolve('knowledge'),
    dataDir: resolve('data'),
    logLevel: 'info',
    prettyLogs: false,
    service: {
      interactionsMode: 'gateway',
      http: { host: '127.0.0.1', port: 8080 },
      publicKey: null,
      ops: null,
      databaseUrl: null,
    },
  });
});

test('service: http mode needs the public key; ops and DATABASE_URL are read and checked', () => {
  const KEY = 'ab'.repeat(32);
  const config = readBotConfig({
    ...BASE,
    INTERACTIONS_MODE: 'HTTP',
    HTTP_HOST: '0.0.0.0',
    HTTP_PORT: '9000',
    DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
    OPS_PORT: '9100',
    DATABASE_URL: 'postgres://bot:secret@db:5432/crisis',
  });
  assert.deepEqual(config.service, {
    interactionsMode: 'http',
    http: { host: '0.0.0.0', port: 9000 },
    publicKey: KEY,
    ops: { host: '127.0.0.1', port: 9100 },
    databaseUrl: 'postgres://bot:secret@db:5432/crisis',
  });
  assert.match(configError({ ...BASE, INTERACTIONS_MODE: 'http' }).message, /DISCORD_PUBLIC_KEY.*required/);
  assert.match(
    configError({ ...BASE, INTERACTIONS_MODE: 'webhook' }).message,
    /INTERACTIONS_MODE.*gateway or http/,
  );
  assert.match(configError({ ...BASE, DISCORD_PUBLIC_KEY: 'xyz' }).message, /64 hexadecimal/);
  assert.match(configError({ ...BASE, OPS_PORT: '70000' }).message, /OPS_PORT/);
  assert.match(configError({ ...BASE, HTTP_HOST: 'a b' }).message, /HTTP_HOST/);
  const badDb = configError({ ...BASE, DATABASE_URL: 'mysql://u:hunter2@h/db' });
  assert.match(badDb.message, /DATABASE_URL.*postgres:\/\//);
  assert.doesNotMatch(badDb.message, /hunter2/, 'the password is never echoed');
});

test('feeds: FEED_POLL_MINUTES and REVIEW_CHANNEL_ID are read and checked', () => {
  const config = readBotConfig({
    ...BASE,
    FEED_POLL_MINUTES: '5',
    REVIEW_CHANNEL_ID: ' 44444444444444444 ',
    FETCH_ALLOW_PRIVATE: 'true',
  });
  assert.deepEqual(config.feeds, {
    pollMs: 5 * 60_000,
    reviewChannelId: '44444444444444444',
    allowPrivate: true,
  });
  for (const minutes of ['0', '1441', 'often', '2.5'])
    assert.match(
      configError({ ...BASE, FEED_POLL_MINUTES: minutes }).message,
      /FEED_POLL_MINUTES must be a whole number from 1 to 1440/,
    );
  assert.match(
    configError({ ...BASE, REVIEW_CHANNEL_ID: '#reviews' }).message,
    /REVIEW_CHANNEL_ID must be a Discord id/,
  );
});

test('every variable is read', () => {
  const config = readBotConfig({
    ...BASE,
    DISCORD_GUILD_ID: ' 98765432109876543 ',
    MODERATOR_ROLE_IDS: '11111111111111111, 22222222222222222',
    MOD_LOG_CHANNEL_ID: ' 33333333333333333 ',
    DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
    COOLDOWN_QUESTIONS: '3',
    COOLDOWN_SECONDS: '3600',
    KNOWLEDGE_DIR: 'k',
    DATA_DIR: 'd',
    LOG_LEVEL: 'debug',
    LOG_PRETTY: 'true',
    KNOWLEDGE_WATCH: 'yes',
    KNOWLEDGE_WATCH_DEBOUNCE_MS: '2500',
  });
  assert.equal(config.guildId, '98765432109876543');
  assert.deepEqual(config.moderatorRoleIds, ['11111111111111111', '22222222222222222']);
  assert.equal(config.modLogChannelId, '33333333333333333');
  assert.equal(config.apiUrl, 'http://127.0.0.1:4000/api');
  assert.deepEqual(config.cooldown, { questions: 3, seconds: 3600 });
  assert.equal(config.knowledgeDir, resolve('k'));
  assert.equal(config.dataDir, resolve('d'));
  assert.equal(config.logLevel, 'debug');
  assert.equal(config.prettyLogs, true);
  assert.equal(config.knowledgeWatch, true);
  assert.equal(config.watchDebounceMs, 2500);
});

test('MODERATOR_ROLE_IDS: spaces, empty items and repeats are tolerated', () => {
  const config = readBotConfig({
    ...BASE,
    MODERATOR_ROLE_IDS: ' 11111111111111111 ,,22222222222222222,  11111111111111111, ',
  });
  assert.deepEqual(config.moderatorRoleIds, ['11111111111111111', '22222222222222222']);
  assert.deepEqual(readBotConfig({ ...BASE, MODERATOR_ROLE_IDS: ' ' }).moderatorRoleIds, []);
  const error = configError({ ...BASE, MODERATOR_ROLE_IDS: '11111111111111111, moderators' });
  assert.equal(error.variable, 'MODERATOR_ROLE_IDS');
  assert.match(error.message, /^MODERATOR_ROLE_IDS .*item 2/);
});

test('pretty logs: LOG_PRETTY wins, else NODE_ENV=development', () => {
  assert.equal(readBotConfig({ ...BASE, NODE_ENV: 'development' }).prettyLogs, true);
  assert.equal(readBotConfig({ ...BASE, NODE_ENV: 'production' }).prettyLogs, false);
  assert.equal(readBotConfig({ ...BASE, NODE_ENV: 'development', LOG_PRETTY: 'false' }).prettyLogs, false);
  assert.equal(readBotConfig({ ...BASE, LOG_PRETTY: '1' }).prettyLogs, true);
});

test('a missing or blank token is a MissingTokenError, and guidance says what to do', () => {
  const envs: Record<string, string>[] = [
    { DISCORD_CLIENT_ID: '123456789012345678' },
    { ...BASE, DISCORD_TOKEN: '   ' },
    {},
  ];
  for (const env of envs) {
    const error = configError(env);
    assert.ok(error instanceof MissingTokenError);
    assert.equal(error.variable, 'DISCORD_TOKEN');
    assert.equal(error.message, 'DISCORD_TOKEN is not set');
  }
  const help = describeMissingToken();
  for (const part of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', '.env.example', 'Reset Token', 'Running the bot'])
    assert.ok(help.includes(part), part);
  assert.ok(help.includes('npm run ask -- "'));
  assert.ok(help.split('\n').length >= 3);
});

test('each bad variable gets an error that names it', () => {
  const cases: [string, Record<string, string>][] = [
    ['DISCORD_CLIENT_ID', { DISCORD_TOKEN: TOKEN }],
    ['DISCORD_CLIENT_ID', { ...BASE, DISCORD_CLIENT_ID: '1234' }],
    ['DISCORD_CLIENT_ID', { ...BASE, DISCORD_CLIENT_ID: '123456789012345678901' }],
    ['DISCORD_CLIENT_ID', { ...BASE, DISCORD_CLIENT_ID: 'my-bot' }],
    ['DISCORD_GUILD_ID', { ...BASE, DISCORD_GUILD_ID: '12345678901234567x' }],
    ['MODERATOR_ROLE_IDS', { ...BASE, MODERATOR_ROLE_IDS: '@mods' }],
    ['MOD_LOG_CHANNEL_ID', { ...BASE, MOD_LOG_CHANNEL_ID: '#mod-log' }],
    ['MOD_LOG_CHANNEL_ID', { ...BASE, MOD_LOG_CHANNEL_ID: '1234' }],
    ['DISCORD_API_URL', { ...BASE, DISCORD_API_URL: '127.0.0.1:4000' }],
    ['DISCORD_API_URL', { ...BASE, DISCORD_API_URL: 'not a url' }],
    ['DISCORD_API_URL', { ...BASE, DISCORD_API_URL: 'ftp://127.0.0.1/api' }],
    ['DISCORD_API_URL', { ...BASE, DISCORD_API_URL: 'http://127.0.0.1:4000/api/v10' }],
    ['DISCORD_API_URL', { ...BASE, DISCORD_API_URL: 'https://discord.com/api/v10/' }],
    ['COOLDOWN_QUESTIONS', { ...BASE, COOLDOWN_QUESTIONS: '0' }],
    ['COOLDOWN_QUESTIONS', { ...BASE, COOLDOWN_QUESTIONS: '101' }],
    ['COOLDOWN_QUESTIONS', { ...BASE, COOLDOWN_QUESTIONS: '2.5' }],
    ['COOLDOWN_QUESTIONS', { ...BASE, COOLDOWN_QUESTIONS: 'five' }],
    ['COOLDOWN_SECONDS', { ...BASE, COOLDOWN_SECONDS: '3601' }],
    ['COOLDOWN_SECONDS', { ...BASE, COOLDOWN_SECONDS: '-1' }],
    ['LOG_LEVEL', { ...BASE, LOG_LEVEL: 'verbose' }],
    ['LOG_PRETTY', { ...BASE, LOG_PRETTY: 'maybe' }],
    ['KNOWLEDGE_WATCH', { ...BASE, KNOWLEDGE_WATCH: 'on' }],
    ['KNOWLEDGE_WATCH_DEBOUNCE_MS', { ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '49' }],
    ['KNOWLEDGE_WATCH_DEBOUNCE_MS', { ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '60001' }],
    ['KNOWLEDGE_WATCH_DEBOUNCE_MS', { ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '1s' }],
    ['DISCORD_TOKEN', { ...BASE, DISCORD_TOKEN: 'Bot abc.def' }],
  ];
  for (const [variable, env] of cases) {
    const error = configError(env);
    assert.equal(error.variable, variable, JSON.stringify(env));
    assert.ok(error.message.startsWith(`${variable} `), error.message);
    assert.ok(!(error instanceof MissingTokenError));
  }
});

test('out-of-range numbers are echoed, so the operator sees what was read', () => {
  assert.match(configError({ ...BASE, COOLDOWN_SECONDS: '0' }).message, /from 1 to 3600 \(got "0"\)/);
});

test('no error message ever contains the token', () => {
  const spaced = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gab cDE.abcdefghijklmnopqrstuvwxyz0123456789';
  const error = configError({ ...BASE, DISCORD_TOKEN: spaced });
  assert.equal(error.variable, 'DISCORD_TOKEN');
  assert.ok(!error.message.includes('MTIzNDU2'), error.message);
  assert.ok(!error.message.includes('abcdefghij'), error.message);
  assert.ok(!String(error.stack).includes('MTIzNDU2'));

  // A token pasted into the wrong variable is not echoed either.
  for (const variable of [
    'DISCORD_CLIENT_ID',
    'DISCORD_GUILD_ID',
    'MODERATOR_ROLE_IDS',
    'MOD_LOG_CHANNEL_ID',
    'DISCORD_API_URL',
    'COOLDOWN_QUESTIONS',
    'COOLDOWN_SECONDS',
    'LOG_PRETTY',
    'KNOWLEDGE_WATCH',
    'KNOWLEDGE_WATCH_DEBOUNCE_MS',
  ]) {
    const wrong = configError({ ...BASE, [variable]: TOKEN });
    assert.equal(wrong.variable, variable);
    assert.ok(!wrong.message.includes(TOKEN.slice(0, 8)), wrong.message);
    assert.ok(!wrong.message.includes(TOKEN.slice(-8)), wrong.message);
  }
});

test('MOD_LOG_CHANNEL_ID: unset or blank means no mod-log channel', () => {
  assert.equal(readBotConfig({ ...BASE }).modLogChannelId, null);
  assert.equal(readBotConfig({ ...BASE, MOD_LOG_CHANNEL_ID: '  ' }).modLogChannelId, null);
  assert.match(
    configError({ ...BASE, MOD_LOG_CHANNEL_ID: '<#123456789012345678>' }).message,
    /^MOD_LOG_CHANNEL_ID must be a Discord id of 17–20 digits/,
  );
});

test('KNOWLEDGE_UPLOAD_MAX_BYTES is read and bounded', () => {
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_UPLOAD_MAX_BYTES: '1000' }).uploadMaxBytes, 1000);
  assert.throws(
    () => readBotConfig({ ...BASE, KNOWLEDGE_UPLOAD_MAX_BYTES: '0' }),
    /KNOWLEDGE_UPLOAD_MAX_BYTES/,
  );
  assert.throws(
    () => readBotConfig({ ...BASE, KNOWLEDGE_UPLOAD_MAX_BYTES: '99999999' }),
    /KNOWLEDGE_UPLOAD_MAX_BYTES/,
  );
});

test('KNOWLEDGE_WATCH and KNOWLEDGE_WATCH_DEBOUNCE_MS are read and checked', () => {
  const config = readBotConfig({ ...BASE, KNOWLEDGE_WATCH: 'true', KNOWLEDGE_WATCH_DEBOUNCE_MS: '250' });
  assert.equal(config.knowledgeWatch, true);
  assert.equal(config.watchDebounceMs, 250);
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_WATCH: 'No' }).knowledgeWatch, false);
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_WATCH: ' 1 ' }).knowledgeWatch, true);
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_WATCH: '  ' }).knowledgeWatch, false);
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '50' }).watchDebounceMs, 50);
  assert.equal(readBotConfig({ ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '60000' }).watchDebounceMs, 60000);
  const bool = configError({ ...BASE, KNOWLEDGE_WATCH: 'maybe' });
  assert.equal(bool.variable, 'KNOWLEDGE_WATCH');
  assert.equal(bool.message, 'KNOWLEDGE_WATCH must be true or false');
  const ms = configError({ ...BASE, KNOWLEDGE_WATCH_DEBOUNCE_MS: '10' });
  assert.equal(ms.variable, 'KNOWLEDGE_WATCH_DEBOUNCE_MS');
  assert.match(ms.message, /from 50 to 60000 \(got "10"\)/);
});
