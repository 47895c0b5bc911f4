import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { DiscordEmulator } from '../../harness/emulator/index.js';
import { askedText, messageText } from '../helpers/discordView.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

shareBot(
  { KNOWLEDGE_WATCH: 'true', KNOWLEDGE_WATCH_DEBOUNCE_MS: '100', COOLDOWN_QUESTIONS: '100' },
  (shared) => {
    ({ emu, bot } = shared);
  },
);

const askText = (question: string) => askedText(emu, question);

const BEEKEEPERS =
  '---\ntitle: "Beekeepers note"\noutlet: "Test Wire"\n---\nThe beekeepers of Mogilev moved four hundred hives into the linden forest after the long summer drought had scorched all of the clover fields around the town.\n';
const QUESTION = 'Where did the Mogilev beekeepers move their hives?';
const FERRY =
  '---\ntitle: "Ferry note"\noutlet: "Test Wire"\n---\nThe ferry operator in Tallinn cancelled eleven crossings because the icebreaker crews refused to sail during the strike over unpaid wages.\n';
const FERRY_QUESTION = 'Why were the Tallinn ferry crossings cancelled?';

test('the bot says it watches the knowledge folder once Discord is reachable', async () => {
  const line = await bot.waitForLog((l) => l.msg === 'watching the knowledge folder', 5000);
  assert.equal(line.debounceMs, 100);
});

test('a document written to the folder is reindexed after a quiet moment, logged, and answered', async () => {
  const from = bot.logs.length;
  await writeFile(join(bot.knowledgeDir, 'beekeepers.md'), BEEKEEPERS);
  const changed = await bot.waitForLog((l) => l.msg === 'knowledge folder changed; reindexing', 5000, from);
  assert.deepEqual(changed.files, ['beekeepers.md']);
  assert.equal(changed.trigger, 'watch');
  const finished = await bot.waitForLog((l) => l.msg === 'reindex finished', 5000, from);
  assert.deepEqual(finished.added, ['beekeepers']);
  assert.equal(finished.mode, 'incremental');
  assert.match(await askText(QUESTION), /Beekeepers note/);
});

test('an edit and a removal are picked up the same way', async () => {
  let from = bot.logs.length;
  await writeFile(
    join(bot.knowledgeDir, 'beekeepers.md'),
    BEEKEEPERS.replace('linden forest', 'pine forest by the river Dnieper'),
  );
  const edited = await bot.waitForLog((l) => l.msg === 'reindex finished', 5000, from);
  assert.deepEqual(edited.changed, ['beekeepers']);
  assert.match(await askText('beekeepers hives pine forest Dnieper'), /pine forest by the river Dnieper/);

  from = bot.logs.length;
  await rm(join(bot.knowledgeDir, 'beekeepers.md'));
  const removed = await bot.waitForLog((l) => l.msg === 'reindex finished', 5000, from);
  assert.deepEqual(removed.removed, ['beekeepers']);
  assert.match(await askText(QUESTION), /Not found/i);
});

test('while a rolled-back index serves, watched edits wait for a moderator', async () => {
  const reindex = async (subcommand: string) => {
    const [reply] = await emu.waitForMessages(
      emu.chatInput('reindex', [], { subcommand, member: emu.members.moderator }),
      (ms) => ms.some((m) => /Rolled back|Reindex finished/.test(messageText(m))),
      { timeoutMs: 10_000 },
    );
    return messageText(reply);
  };
  // The previous index still had the beekeepers' document the last test removed.
  assert.match(await reindex('rollback'), /Back in answers:\*\* `beekeepers`/);
  const from = bot.logs.length;
  await writeFile(join(bot.knowledgeDir, 'ferry.md'), FERRY);
  const paused = await bot.waitForLog(
    (l) => l.msg.startsWith('knowledge folder changed; not reindexing'),
    5000,
    from,
  );
  assert.deepEqual(paused.files, ['ferry.md']);
  assert.match(await askText(FERRY_QUESTION), /Not found/i);
  assert.match(await reindex('update'), /Added 1, changed 0, removed 1/);
  assert.match(await askText(FERRY_QUESTION), /Ferry note/);
  assert.match(await askText(QUESTION), /Not found/i);
  assert.ok(
    !bot.logs.slice(from).some((l) => l.msg === 'knowledge folder changed; reindexing'),
    'no watched reindex while paused',
  );
});
