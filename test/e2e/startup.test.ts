import assert from 'node:assert/strict';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { BotProcess } from '../../harness/botProcess.js';
import { DiscordEmulator } from '../../harness/emulator/index.js';
import { runCliScript } from '../../harness/runCliScript.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { CRASH_DOCUMENT, CRASH_QUESTION, OLD_QUESTION, settledWorkspace } from '../helpers/crashWorkspace.js';
import { askedText } from '../helpers/discordView.js';

let emu: DiscordEmulator;

before(async () => {
  emu = new DiscordEmulator();
  await emu.start();
});
after(() => emu?.stop());

/** The environment without any Discord variable a developer's shell might carry. */
const clean = (extra: Record<string, string>) =>
  Object.fromEntries(
    Object.entries({ ...process.env, ...extra }).filter(([k]) => !k.startsWith('DISCORD_') || k in extra),
  ) as Record<string, string>;

test('npm start without DISCORD_TOKEN says what to set and points to npm run ask, without a stack trace', async () => {
  const env = clean({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: emu.applicationId });
  const result = await runCliScript('../bot/main.ts', [], { env });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /DISCORD_TOKEN/);
  assert.match(result.stderr, /npm run ask/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('a wrong token is refused by Discord and reported in one line, never printing the token', async () => {
  const token = 'not-the-right-token.abc.def';
  const env = clean({
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: emu.applicationId,
    DISCORD_API_URL: emu.apiUrl,
    LOG_LEVEL: 'warn',
  });
  const result = await runCliScript('../bot/main.ts', [], { env });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /could not start: .*token/i);
  assert.ok(!result.stderr.includes(token));
});

test('deploy-commands sends one PUT with every command, globally or to the guild', async () => {
  const base = {
    DISCORD_TOKEN: emu.token,
    DISCORD_CLIENT_ID: emu.applicationId,
    DISCORD_API_URL: emu.apiUrl,
  };
  const global = await runCliScript('deployCommandsCli.ts', [], { env: clean(base) });
  assert.equal(global.code, 0, global.stderr);
  assert.match(global.stdout, new RegExp(`registered ${commands.length} commands globally`));
  const put = await emu.waitForRequest(`PUT /applications/${emu.applicationId}/commands`);
  const names = (put.body as { name: string }[]).map((c) => c.name).sort();
  assert.deepEqual(names, commands.map((c) => c.data.name).sort());
  assert.deepEqual(names, [
    'Find sources',
    'ask',
    'feeds',
    'forget-me',
    'help',
    'knowledge',
    'passage',
    'reindex',
    'search',
    'sources',
    'timeline',
  ]);
  const reindex = (put.body as { name: string; default_member_permissions?: string }[]).find(
    (c) => c.name === 'reindex',
  );
  assert.equal(reindex?.default_member_permissions, '32');

  const guild = await runCliScript('deployCommandsCli.ts', [], {
    env: clean({ ...base, DISCORD_GUILD_ID: emu.guildId }),
  });
  assert.equal(guild.code, 0, guild.stderr);
  assert.match(guild.stdout, new RegExp(`in guild ${emu.guildId}`));
  await emu.waitForRequest(`PUT /applications/${emu.applicationId}/guilds/${emu.guildId}/commands`);
});

test('a missing knowledge folder with a saved index: the bot serves it, warns, and syncs once the folder is back', async (t) => {
  const ws = await settledWorkspace();
  t.after(() => ws.cleanup());
  const away = `${ws.knowledgeDir}-unmounted`;
  await rename(ws.knowledgeDir, away);
  const bot = await BotProcess.start(emu, {}, ws);
  t.after(() => bot.stop());
  const warning = bot.logs.find(
    (l) => l.msg === 'knowledge folder unavailable; serving the saved index until it is back',
  );
  assert.match(String(warning?.reason), /does not exist/);
  assert.match(await askedText(emu, OLD_QUESTION), /Omsk to Berlin/);

  await writeFile(join(away, 'turnips.md'), CRASH_DOCUMENT);
  const from = bot.logs.length;
  await rename(away, ws.knowledgeDir);
  const finished = await bot.waitForLog((l) => l.msg === 'reindex finished', 10_000, from);
  assert.deepEqual([finished.added, finished.removed], [['turnips'], []]);
  assert.match(await askedText(emu, CRASH_QUESTION), /Turnip festival/);
});

test('no knowledge folder and no saved index: the bot refuses to start, in one line, exit 2', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const missing = join(ws.root, 'unmounted');
  const env = clean({
    DISCORD_TOKEN: emu.token,
    DISCORD_CLIENT_ID: emu.applicationId,
    DISCORD_API_URL: emu.apiUrl,
    KNOWLEDGE_DIR: missing,
    DATA_DIR: ws.dataDir,
  });
  const result = await runCliScript('../bot/main.ts', [], { env });
  assert.equal(result.code, 2);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(
    result.stderr,
    /could not start: knowledge folder .*unmounted does not exist.* no saved index/,
  );
});
