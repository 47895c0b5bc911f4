import type { Interaction } from 'discord.js';
import { hashId } from '../log/hashId.js';
import type { BotContext } from './botContext.js';
import { auditMessage, type ModeratorAction } from './render/auditMessage.js';

/**
 * Every moderator action leaves a trace: one log line (who as a hash, what, the diff) and, when
 * MOD_LOG_CHANNEL_ID is set, a post there naming the moderator. Never throws.
 */
export async function auditModeratorAction(
  ctx: Pick<BotContext, 'logger' | 'modLog'>,
  interaction: Pick<Interaction, 'user' | 'guildId'>,
  action: ModeratorAction,
): Promise<void> {
  ctx.logger.info(
    {
      moderator: hashId(interaction.user.id),
      guild: interaction.guildId ?? 'dm',
      action: action.action,
      diff: action.diff,
    },
    'moderator action',
  );
  await ctx.modLog(auditMessage(interaction.user.id, action));
}
