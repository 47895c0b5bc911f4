import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import type { ChatCommand } from '../src/discord/command.js';
import { reindexFailedMessage, reindexMessage } from '../src/discord/render/reindexMessage.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { respond } from '../src/discord/send/respond.js';
import { UserError } from '../src/discord/userError.js';
import { ReindexBusyError } from '../src/engine/engine.js';
import { hashId } from '../src/log/hashId.js';

const ALREADY_RUNNING =
  'A reindex is already running. Answers keep coming from the current index until it finishes.';

export const reindex: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'reindex',
    description: 'Moderators: reload the knowledge folder and report what changed.',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  },
  async execute(interaction, ctx) {
    requireModerator(interaction, ctx, 'reindex the knowledge');
    if (ctx.engine.isReindexing) throw new UserError(ALREADY_RUNNING, 'busy');
    // Started before deferring, so a second /reindex arriving meanwhile finds this one running.
    const running = ctx.engine.reindex();
    running.catch(() => {});
    await interaction.deferReply({ flags: 'Ephemeral' });
    try {
      const report = await running;
      ctx.logger.info(
        {
          moderator: hashId(interaction.user.id),
          mode: report.mode,
          added: report.added,
          changed: report.changed,
          removed: report.removed,
          skipped: report.skipped,
          passagesBefore: report.passagesBefore,
          passagesAfter: report.passagesAfter,
        },
        'reindex from Discord',
      );
      await respond(interaction, reindexMessage(report));
      return { outcome: 'done', results: report.passagesAfter };
    } catch (error) {
      if (error instanceof ReindexBusyError) throw new UserError(ALREADY_RUNNING, 'busy');
      ctx.logger.error({ err: error }, 'reindex from Discord failed; the previous index still serves');
      await respond(interaction, reindexFailedMessage((error as Error).message));
      return { outcome: 'refused' };
    }
  },
};
