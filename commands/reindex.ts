import { ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { auditModeratorAction } from '../src/discord/auditModeratorAction.js';
import type { ChatCommand } from '../src/discord/command.js';
import {
  reindexAudit,
  reindexFailedAudit,
  reindexFailedMessage,
  reindexMessage,
} from '../src/discord/render/reindexMessage.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { respond } from '../src/discord/send/respond.js';
import { UserError } from '../src/discord/userError.js';
import { ReindexBusyError } from '../src/engine/engine.js';
import type { ReindexReport } from '../src/engine/reindexReport.js';

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
    let report: ReindexReport;
    try {
      report = await running;
    } catch (error) {
      if (error instanceof ReindexBusyError) throw new UserError(ALREADY_RUNNING, 'busy');
      const reason = (error as Error).message;
      ctx.logger.error({ err: error }, 'reindex from Discord failed; the previous index still serves');
      await auditModeratorAction(ctx, interaction, reindexFailedAudit(reason));
      await respond(interaction, reindexFailedMessage(reason));
      return { outcome: 'refused' };
    }
    // Audited before the reply: the index changed whether or not the reply gets through.
    await auditModeratorAction(ctx, interaction, reindexAudit(report));
    await respond(interaction, reindexMessage(report));
    return { outcome: 'done', results: report.passagesAfter };
  },
};
