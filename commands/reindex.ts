import type { ChatInputCommandInteraction } from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { auditModeratorAction } from '../src/discord/auditModeratorAction.js';
import type { BotContext } from '../src/discord/botContext.js';
import { busyText } from '../src/discord/busyText.js';
import type { ChatCommand, Outcome } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import {
  reindexAudit,
  reindexFailedAudit,
  reindexFailedMessage,
  reindexMessage,
} from '../src/discord/render/reindexMessage.js';
import { rollbackAudit, rollbackMessage } from '../src/discord/render/rollbackMessage.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { escapeForDiscord } from '../src/discord/send/escape.js';
import { respond } from '../src/discord/send/respond.js';
import type { EngineActivity } from '../src/engine/engine.js';
import { ReindexBusyError, RollbackError } from '../src/engine/errors.js';
import type { ReindexReport } from '../src/engine/reindexReport.js';
import type { RollbackReport } from '../src/engine/rollbackReport.js';

const SERVING = 'Answers keep coming from the current index until it finishes.';
const busy = (error: ReindexBusyError | null, activity?: EngineActivity | null) =>
  new UserError(busyText(error, SERVING, activity), 'busy');

/** Starts `work` before deferring, so a second command arriving meanwhile finds it running. */
async function runDeferred<T>(interaction: ChatInputCommandInteraction, work: Promise<T>): Promise<T> {
  work.catch(() => {});
  await interaction.deferReply({ flags: 'Ephemeral' });
  try {
    return await work;
  } catch (error) {
    if (error instanceof ReindexBusyError) throw busy(error);
    throw error;
  }
}

async function update(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const full = interaction.options.getBoolean('full') ?? false;
  let report: ReindexReport;
  try {
    report = await runDeferred(interaction, ctx.engine.reindex({ full }));
  } catch (error) {
    if (error instanceof UserError) throw error;
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
}

async function rollback(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  let report: RollbackReport;
  try {
    report = await runDeferred(interaction, ctx.engine.rollback());
  } catch (error) {
    if (error instanceof RollbackError)
      throw new UserError(
        `Nothing was rolled back: ${escapeForDiscord(error.message)}. The current index keeps serving.`,
        'refused',
      );
    throw error;
  }
  await auditModeratorAction(ctx, interaction, rollbackAudit(report));
  await respond(interaction, rollbackMessage(report));
  return { outcome: 'done', results: report.to.passages };
}

export const reindex: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'reindex',
    description: 'Moderators: bring the index up to date with the knowledge folder, or roll it back.',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'update',
        description: 'Reload what changed in the knowledge folder and report it.',
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'full',
            description: 'Rebuild every document instead of only the changed ones.',
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'rollback',
        description: 'Serve the previous index again (run it twice to undo).',
      },
    ],
  },
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    requireModerator(interaction, ctx, sub === 'rollback' ? 'roll the index back' : 'reindex the knowledge');
    if (ctx.engine.activity) throw busy(null, ctx.engine.activity);
    if (sub === 'update') return update(interaction, ctx);
    if (sub === 'rollback') return rollback(interaction, ctx);
    throw new UserError('This subcommand is not part of this version of the bot.', 'invalid');
  },
};
