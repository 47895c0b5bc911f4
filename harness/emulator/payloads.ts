import type { Json } from './types.js';
import type { World } from './world.js';

/** Channel type numbers used by the emulator. */
export const ChannelKind = {
  GuildText: 0,
  DM: 1,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
} as const;

/** Channel types that can hold messages. */
export const TEXT_CHANNEL_TYPES: readonly number[] = [0, 1, 5, 10, 11, 12];
/** Thread channel types. */
export const THREAD_TYPES: readonly number[] = [10, 11, 12];

/** A user object. */
export function userPayload(id: string, username: string, bot = false): Json {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: bot ? '0000' : '0',
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

/** A role object; `permissions` is a decimal bitfield string. */
export function rolePayload(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  managed = false,
): Json {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0,
  };
}

/** A guild member object as found in GUILD_CREATE and in interactions (`permissions` only in the latter). */
export function memberPayload(user: Json, roles: string[], joinedAt: string, permissions?: bigint): Json {
  const member: Json = {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
  if (permissions !== undefined) member.permissions = permissions.toString();
  return member;
}

/** A guild channel (text, announcement, category, ...). */
export function guildChannelPayload(
  id: string,
  guildId: string,
  name: string,
  type: number,
  position: number,
  parentId: string | null = null,
): Json {
  return {
    id,
    type,
    guild_id: guildId,
    name,
    position,
    parent_id: parentId,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0,
  };
}

/** A thread channel (type 10, 11 or 12) owned by `ownerId`. */
export function threadPayload(
  id: string,
  guildId: string,
  parentId: string,
  name: string,
  type: number,
  ownerId: string,
  autoArchiveDuration = 1440,
): Json {
  const now = new Date().toISOString();
  return {
    id,
    type,
    guild_id: guildId,
    parent_id: parentId,
    name,
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: autoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
      ...(type === ChannelKind.PrivateThread ? { invitable: true } : {}),
    },
  };
}

/** A DM channel with one recipient. */
export function dmChannelPayload(id: string, recipient: Json): Json {
  return { id, type: ChannelKind.DM, recipients: [recipient], last_message_id: null, flags: 0 };
}

/** The guild fields shared by GUILD_CREATE and GET /guilds/{id}. */
export function guildPayload(id: string, name: string, ownerId: string, roles: Json[]): Json {
  return {
    id,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    max_members: 500000,
    max_video_channel_users: 25,
  };
}

/** READY's `d` for a new session: the bot user, the guild (unavailable until GUILD_CREATE), resume URL. */
export function readyPayload(world: World, sessionId: string, resumeUrl: string, identify: Json): Json {
  return {
    v: 10,
    user: structuredClone(world.botUser),
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: resumeUrl,
    application: { id: world.applicationId, flags: 0 },
    shard: Array.isArray(identify.shard) ? identify.shard : [0, 1],
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    auth: {},
    _trace: ['discord-emulator'],
  };
}
