import type { Interaction } from 'discord.js';
import { hashId } from '../log/hashId.js';
import type { BotContext } from './botContext.js';
import { auditMessage, type ModeratorAction } from './render/auditMessage.js';

/**
 * Every moderator action leaves a trace: one log line (who as a hash, what, the diff), a row in the
 * state's audit log when there is one, and, when MOD_LOG_CHANNEL_ID is set, a post there naming the
 * moderator. Never throws: an audit row that cannot be written is logged.
 */
export async function auditModeratorAction(
  ctx: Pick<BotContext, 'logger' | 'modLog'> & Partial<Pick<BotContext, 'state'>>,
  interaction: Pick<Interaction, 'user' | 'guildId'>,
  action: ModeratorAction,
): Promise<void> {
  const entry = {
    moderator: hashId(interaction.user.id),
    guildId: interaction.guildId ?? null,
    action: action.action,
    diff: action.diff,
  };
  ctx.logger.info(
    { moderator: entry.moderator, guild: entry.guildId ?? 'dm', action: entry.action, diff: entry.diff },
    'moderator action',
  );
  try {
    await ctx.state?.audit.record(entry);
  } catch (error) {
    ctx.logger.warn({ err: error, action: entry.action }, 'could not record the moderator action');
  }
  await ctx.modLog(auditMessage(interaction.user.id, action));
}
