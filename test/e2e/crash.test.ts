import assert from 'node:assert/strict';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BotProcess } from '../../harness/botProcess.js';
import { DiscordEmulator } from '../../harness/emulator/index.js';
import type { CrashPoint } from '../../src/util/crashPoint.js';
import {
  CRASH_DOCUMENT,
  CRASH_QUESTION,
  OLD_QUESTION,
  settledWorkspace,
  snapshot,
} from '../helpers/crashWorkspace.js';
import { askedText } from '../helpers/discordView.js';

let emu: DiscordEmulator;
before(async () => {
  emu = new DiscordEmulator();
  await emu.start();
});
after(() => emu.stop());

const askText = (question: string) => askedText(emu, question);

type Workspace = Awaited<ReturnType<typeof settledWorkspace>>;

/** The real bot on `ws`, set to kill itself with SIGKILL at `point` (or not at all). */
const startBot = (ws: Workspace, point?: CrashPoint) =>
  BotProcess.start(emu, { COOLDOWN_QUESTIONS: '100', ...(point ? { CRISIS_DESK_CRASH_AT: point } : {}) }, ws);

async function killedBy(bot: BotProcess, action: () => unknown): Promise<void> {
  action();
  assert.ok(await bot.waitForExit(10_000), 'the bot died');
  assert.equal(bot.exitSignal, 'SIGKILL');
}

test('kill -9 during /reindex update: the restarted bot loads, clears the lock, answers, lost nothing', async (t) => {
  const ws = await settledWorkspace();
  t.after(() => ws.cleanup());
  const doomed = await startBot(ws, 'save:before-pointer');
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
  const files = await snapshot(ws.knowledgeDir);
  await killedBy(doomed, () =>
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
  );
  assert.deepEqual(await snapshot(ws.knowledgeDir), files);

  const bot = await startBot(ws);
  t.after(() => bot.stop());
  assert.ok(
    bot.logs.some((l) => l.msg === 'index loaded'),
    'the saved index loaded',
  );
  assert.ok(
    bot.logs.some((l) => l.msg === 'stale index lock cleared'),
    'the dead process lock was cleared',
  );
  assert.match(await askText(OLD_QUESTION), /Omsk to Berlin/);
  assert.match(await askText(CRASH_QUESTION), /Turnip festival/);
});

test('kill -9 during /knowledge add, before and after the file lands: nothing half-written, nothing lost', async (t) => {
  const ws = await settledWorkspace();
  t.after(() => ws.cleanup());
  const files = await snapshot(ws.knowledgeDir);
  const add = () =>
    emu.chatInput(
      'knowledge',
      [
        {
          name: 'file',
          type: 11,
          value: emu.registerAttachment('turnips.md', Buffer.from(CRASH_DOCUMENT), 'text/markdown').id,
        },
      ],
      { subcommand: 'add', member: emu.members.moderator },
    );

  // Killed with the upload written to a temporary file only: the folder's documents are as they were.
  const first = await startBot(ws, 'add:temp-written');
  await killedBy(first, add);
  const leftovers = (await readdir(ws.knowledgeDir)).filter((f) => !files.has(f));
  assert.equal(leftovers.length, 1);
  assert.match(leftovers[0] ?? '', /^\.upload-.*\.tmp$/);
  // Old enough to be an abandoned upload, not one in progress.
  const aMinuteAgo = new Date(Date.now() - 120_000);
  await utimes(join(ws.knowledgeDir, leftovers[0] ?? ''), aMinuteAgo, aMinuteAgo);

  // So is a copy an interrupted /knowledge remove left in a trash on another file system.
  const trashed = join(ws.dataDir, 'trash', '.upload-0123456789ab.tmp');
  await mkdir(join(ws.dataDir, 'trash'), { recursive: true });
  await writeFile(trashed, CRASH_DOCUMENT);
  await utimes(trashed, aMinuteAgo, aMinuteAgo);

  // Killed after the file landed, before the reindex: the next start indexes it.
  const second = await startBot(ws, 'add:before-reindex');
  assert.ok(second.logs.some((l) => l.msg.startsWith('removed temporary uploads')));
  assert.deepEqual(second.logs.find((l) => l.msg.startsWith('removed temporary copies'))?.files, [
    '.upload-0123456789ab.tmp',
  ]);
  assert.deepEqual(await readdir(join(ws.dataDir, 'trash')), []);
  await killedBy(second, add);
  assert.deepEqual(
    (await readdir(ws.knowledgeDir)).filter((f) => !files.has(f)),
    ['turnips.md'],
  );

  const bot = await startBot(ws);
  t.after(() => bot.stop());
  assert.match(await askText(CRASH_QUESTION), /Turnip festival/);
  assert.match(await askText(OLD_QUESTION), /Omsk to Berlin/);
  const now = await snapshot(ws.knowledgeDir);
  for (const [name, bytes] of files) assert.equal(now.get(name), bytes, `${name} intact`);
});

test('an uncaught exception during /reindex update: logged, the index lock released, exit 1 for a supervisor to restart', async (t) => {
  const ws = await settledWorkspace();
  t.after(() => ws.cleanup());
  const bot = await BotProcess.start(emu, { CRISIS_DESK_THROW_AT: 'reindex:applied' }, ws);
  t.after(() => bot.stop());
  await writeFile(join(ws.knowledgeDir, 'turnips.md'), CRASH_DOCUMENT);
  emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator });
  assert.ok(await bot.waitForExit(10_000), 'the bot exited instead of serving on in an undefined state');
  assert.equal(bot.exitCode, 1);
  const fatal = bot.logs.find((l) => l.msg === 'uncaught exception; shutting down');
  assert.match(JSON.stringify(fatal?.err), /CRISIS_DESK_THROW_AT test hook/);
  assert.ok(!(await readdir(ws.dataDir)).includes('index.lock'), 'the index lock was released');
});
