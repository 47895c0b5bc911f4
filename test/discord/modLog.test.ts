import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageCreateOptions } from 'discord.js';
import { auditModeratorAction } from '../../src/discord/auditModeratorAction.js';
import { createModLog, type ModLog } from '../../src/discord/modLog.js';
import { reindexAudit } from '../../src/discord/render/reindexMessage.js';
import type { ReindexReport } from '../../src/engine/reindexReport.js';
import { MEMORY, SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { recordingLogger } from '../helpers/recordingLogger.js';

function channel() {
  const sent: MessageCreateOptions[] = [];
  return {
    sent,
    async send(options: MessageCreateOptions) {
      sent.push(options);
      return {};
    },
  };
}

const CHANNEL = '123456789012345678';

test('unset: nothing is looked up, nothing is posted', async () => {
  const { lines, logger } = recordingLogger();
  let looked = 0;
  const modLog = createModLog(
    async () => {
      looked++;
      return channel();
    },
    null,
    logger,
  );
  await modLog({ content: 'x' });
  assert.equal(looked, 0);
  assert.deepEqual(lines, []);
});

test('posts through the send helper: fitted, and no mentions allowed', async () => {
  const target = channel();
  const ids: string[] = [];
  const modLog = createModLog(
    async (id) => {
      ids.push(id);
      return target;
    },
    CHANNEL,
    recordingLogger().logger,
  );
  await modLog({ content: `@everyone ${'a'.repeat(3000)}` });
  assert.deepEqual(ids, [CHANNEL]);
  assert.equal(target.sent.length, 1);
  assert.deepEqual(target.sent[0]?.allowedMentions, { parse: [] });
  assert.ok((target.sent[0]?.content?.length ?? 0) <= 2000);
});

test('a channel it cannot find, or a failed post, is a warning, never an error', async () => {
  const { lines, logger } = recordingLogger();
  await createModLog(async () => null, CHANNEL, logger)({ content: 'x' });
  await createModLog(
    async () => {
      throw new Error('Missing Access');
    },
    CHANNEL,
    logger,
  )({ content: 'x' });
  await createModLog(
    async () => ({
      send: async () => {
        throw new Error('Unknown Channel');
      },
    }),
    CHANNEL,
    logger,
  )({ content: 'x' });
  assert.deepEqual(
    lines.map((l) => l.level),
    ['warn', 'warn', 'warn'],
  );
  for (const l of lines) assert.equal(l.obj.channelId, CHANNEL);
});

const REPORT: ReindexReport = {
  mode: 'incremental',
  added: ['extra-harbour'],
  changed: [],
  removed: ['old_*doc*'],
  arrived: [],
  skipped: [{ file: 'broken.md', reason: 'not UTF-8' }],
  documents: 6,
  passagesBefore: 120,
  passagesAfter: 121,
  ms: 40,
  applyMs: 30,
  saveMs: 10,
  saved: true,
};

test('auditModeratorAction logs who (hashed), what and the diff, and posts who, mode, counts and passages', async () => {
  const { lines, logger } = recordingLogger();
  const posts: Parameters<ModLog>[0][] = [];
  const moderatorId = '987654321098765432';
  await auditModeratorAction(
    {
      logger: logger as never,
      modLog: async (payload) => {
        posts.push(payload);
      },
    },
    { user: { id: moderatorId } as never, guildId: '111111111111111111' },
    reindexAudit(REPORT),
  );
  const [line] = lines;
  assert.equal(line?.msg, 'moderator action');
  assert.equal(line?.obj.action, 'reindex');
  assert.match(String(line?.obj.moderator), /^[0-9a-f]{12}$/);
  assert.ok(!JSON.stringify(line).includes(moderatorId), 'the raw id is not logged');
  assert.deepEqual(line?.obj.diff, {
    mode: 'incremental',
    added: ['extra-harbour'],
    changed: [],
    removed: ['old_*doc*'],
    skipped: ['broken.md'],
    passagesBefore: 120,
    passagesAfter: 121,
    saved: true,
  });
  const embed = posts[0]?.embeds?.[0];
  assert.equal(embed?.title, 'Reindex (incremental)');
  assert.match(embed?.description ?? '', new RegExp(`^\\*\\*By\\*\\* <@${moderatorId}>`));
  assert.match(embed?.description ?? '', /\*\*Passages:\*\* 120 → 121/);
  assert.match(embed?.description ?? '', /Added 1, changed 0, removed 1, skipped 1\./);
  assert.ok((embed?.description ?? '').includes('`old_*doc*`'), 'file names are shown as code, literally');
});

test('auditModeratorAction also records the action in the state audit log, and a failure there is only logged', async () => {
  const state = SqliteState.open({ path: MEMORY, now: () => new Date('2024-05-01T12:00:00.000Z') });
  const { lines, logger } = recordingLogger();
  const posts: Parameters<ModLog>[0][] = [];
  const moderatorId = '987654321098765432';
  const ctx = {
    logger: logger as never,
    modLog: async (payload: Parameters<ModLog>[0]) => {
      posts.push(payload);
    },
    state,
  };
  const interaction = { user: { id: moderatorId } as never, guildId: '111111111111111111' };
  await auditModeratorAction(ctx, interaction, reindexAudit(REPORT));
  const [entry] = await state.audit.recent(10);
  assert.deepEqual(entry, {
    id: entry?.id,
    at: '2024-05-01T12:00:00.000Z',
    moderator: lines[0]?.obj.moderator,
    guildId: '111111111111111111',
    action: 'reindex',
    diff: lines[0]?.obj.diff,
  });
  assert.ok(!JSON.stringify(entry).includes(moderatorId), 'the raw id is not stored');

  await state.close();
  await auditModeratorAction(ctx, interaction, reindexAudit(REPORT));
  assert.equal(posts.length, 2, 'posted all the same');
  assert.deepEqual(
    lines.map((l) => l.msg),
    ['moderator action', 'moderator action', 'could not record the moderator action'],
  );
});
