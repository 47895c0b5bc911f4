import type { Interaction } from 'discord.js';
import type { BotContext } from './botContext.js';
import { UserError } from './errors.js';
import { isModerator } from './isModerator.js';

/**
 * Moderator commands are checked here, on our side: default_member_permissions only hides a
 * command in Discord's menus, and servers can override it.
 */
export function requireModerator(interaction: Interaction, ctx: BotContext, action: string): void {
  // The permissions Discord computed for the member in this channel, sent with the interaction:
  // right whether the guild's roles are cached (gateway) or not (HTTP interactions).
  const member = interaction.member && {
    permissions: interaction.memberPermissions,
    roles: interaction.member.roles,
  };
  if (isModerator(member, ctx.config.moderatorRoleIds)) return;
  throw new UserError(
    `Sorry, only moderators can ${action}. Moderators are members with the Manage Server permission or a moderator role.`,
    'refused',
  );
}
