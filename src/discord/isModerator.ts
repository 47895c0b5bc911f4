/** Permission bits from Discord's documentation. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** A discord.js PermissionsBitField, the raw bitfield string of an API member, or a bigint. */
export type PermissionsLike = string | bigint | { has(permission: bigint): boolean };

/** GuildMember's role manager (roles.cache, a Collection) or the API member's array of role ids. */
export type RolesLike = readonly string[] | { cache: { has(roleId: string): boolean } };

/** The two shapes of interaction.member in a guild: GuildMember and APIInteractionGuildMember. */
export interface MemberLike {
  permissions?: PermissionsLike | null;
  roles?: RolesLike | null;
}

function hasPermission(permissions: PermissionsLike | null | undefined, bit: bigint): boolean {
  if (permissions === null || permissions === undefined) return false;
  if (typeof permissions === 'object') return permissions.has(bit);
  try {
    return (BigInt(permissions) & bit) === bit;
  } catch {
    return false;
  }
}

function hasRole(roles: RolesLike | null | undefined, roleIds: readonly string[]): boolean {
  if (roles === null || roles === undefined) return false;
  if (Array.isArray(roles)) return roleIds.some((id) => roles.includes(id));
  const { cache } = roles as { cache: { has(roleId: string): boolean } };
  return roleIds.some((id) => cache.has(id));
}

/**
 * isModerator(interaction.member, config.moderatorRoleIds): true for members with Manage Server or
 * Administrator, or with one of the moderator roles. No member (a DM) is never a moderator.
 */
export function isModerator(
  member: MemberLike | null | undefined,
  moderatorRoleIds: readonly string[],
): boolean {
  if (member === null || member === undefined) return false;
  return (
    hasPermission(member.permissions, MANAGE_GUILD) ||
    hasPermission(member.permissions, ADMINISTRATOR) ||
    hasRole(member.roles, moderatorRoleIds)
  );
}
