/** Permission bits used by the emulator's presets (see Discord's permission table). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
} as const;

/** ORs permission bits together. */
export function combine(...bits: bigint[]): bigint {
  return bits.reduce((acc, bit) => acc | bit, 0n);
}

/** What every member may do through @everyone: view, send, read history, use commands, threads. */
export const EVERYONE_PERMISSIONS = combine(
  Permission.ViewChannel,
  Permission.SendMessages,
  Permission.ReadMessageHistory,
  Permission.UseApplicationCommands,
  Permission.AddReactions,
  Permission.SendMessagesInThreads,
);

/** The moderator role adds guild management on top of @everyone. */
export const MODERATOR_PERMISSIONS = combine(
  Permission.ManageGuild,
  Permission.ManageMessages,
  Permission.ManageThreads,
  Permission.ModerateMembers,
);

/** Default permissions of the bot's managed role. */
export const BOT_PERMISSIONS = combine(
  EVERYONE_PERMISSIONS,
  Permission.EmbedLinks,
  Permission.AttachFiles,
  Permission.CreatePublicThreads,
  Permission.CreatePrivateThreads,
  Permission.ManageThreads,
);
