import {
  ChannelKind,
  dmChannelPayload,
  guildChannelPayload,
  guildPayload,
  memberPayload,
  rolePayload,
  threadPayload,
  userPayload,
} from './payloads.js';
import { BOT_PERMISSIONS, EVERYONE_PERMISSIONS, MODERATOR_PERMISSIONS } from './permissions.js';
import { snowflake } from './snowflake.js';
import type { Json } from './types.js';

/** Settings of the emulated world. */
export interface WorldOptions {
  botUsername?: string;
  guildName?: string;
  channelName?: string;
  /** Permissions of the bot's managed role (also sent as `app_permissions`). */
  botPermissions?: bigint;
}

/** Options of World.createMember(). */
export interface MemberOptions {
  username?: string;
  /** Role ids besides @everyone. */
  roles?: string[];
  /** Overrides the permissions computed from the roles. */
  permissions?: bigint;
}

/** Role ids of the emulated guild. */
export interface RoleIds {
  everyone: string;
  member: string;
  moderator: string;
  bot: string;
}

/** The guild, its roles, channels, threads and users. */
export class World {
  readonly applicationId = snowflake();
  readonly botUser: Json;
  readonly guildId = snowflake();
  readonly guildName: string;
  readonly ownerId = snowflake();
  readonly roles: RoleIds;
  /** The guild's first text channel. */
  readonly channelId = snowflake();
  readonly joinedAt = new Date().toISOString();
  /** Guild channels, threads and DM channels by id. */
  readonly channels = new Map<string, Json>();
  readonly users = new Map<string, Json>();
  readonly #rolePermissions = new Map<string, bigint>();
  readonly #roleNames = new Map<string, string>();
  readonly #dmChannels = new Map<string, string>();
  /** Users whose DMs are closed to the bot: messages to their DM channel get 403 code 50007. */
  readonly dmsClosed = new Set<string>();
  readonly botPermissions: bigint;
  /** Member presets: `plain` (view/send only) and `moderator` (ManageGuild and more). */
  readonly members: { plain: Json; moderator: Json };

  constructor(options: WorldOptions = {}) {
    this.botPermissions = options.botPermissions ?? BOT_PERMISSIONS;
    this.botUser = {
      ...userPayload(this.applicationId, options.botUsername ?? 'Emulated Bot', true),
      verified: true,
    };
    this.users.set(this.applicationId, this.botUser);
    this.guildName = options.guildName ?? 'Emulated Guild';
    this.roles = { everyone: this.guildId, member: snowflake(), moderator: snowflake(), bot: snowflake() };
    this.#defineRole(this.roles.everyone, '@everyone', EVERYONE_PERMISSIONS);
    this.#defineRole(this.roles.member, 'Member', 0n);
    this.#defineRole(this.roles.moderator, 'Moderator', MODERATOR_PERMISSIONS);
    this.#defineRole(this.roles.bot, this.botUser.username as string, this.botPermissions);
    this.channels.set(
      this.channelId,
      guildChannelPayload(
        this.channelId,
        this.guildId,
        options.channelName ?? 'general',
        ChannelKind.GuildText,
        0,
      ),
    );
    this.members = {
      plain: this.createMember({ username: 'plain-member', roles: [this.roles.member] }),
      moderator: this.createMember({
        username: 'moderator',
        roles: [this.roles.member, this.roles.moderator],
      }),
    };
  }

  #defineRole(id: string, name: string, permissions: bigint): void {
    this.#rolePermissions.set(id, permissions);
    this.#roleNames.set(id, name);
  }

  /** Role objects for GUILD_CREATE. */
  roleList(): Json[] {
    return [...this.#rolePermissions].map(([id, permissions], position) =>
      rolePayload(id, this.#roleNames.get(id) ?? id, permissions, position, id === this.roles.bot),
    );
  }

  /** Adds a role and returns its id. */
  addRole(name: string, permissions: bigint): string {
    const id = snowflake();
    this.#defineRole(id, name, permissions);
    return id;
  }

  /** @everyone plus the given roles' permissions. */
  permissionsFor(roleIds: readonly string[]): bigint {
    let bits = this.#rolePermissions.get(this.roles.everyone) ?? 0n;
    for (const id of roleIds) bits |= this.#rolePermissions.get(id) ?? 0n;
    return bits;
  }

  /** Creates a user and an interaction member payload (with `permissions`) for it. */
  createMember(options: MemberOptions = {}): Json {
    const user = userPayload(snowflake(), options.username ?? `user-${this.users.size}`);
    this.users.set(user.id as string, user);
    const roles = options.roles ?? [];
    return memberPayload(user, roles, this.joinedAt, options.permissions ?? this.permissionsFor(roles));
  }

  /** Creates a user (for DMs or context menus). */
  createUser(username: string): Json {
    const user = userPayload(snowflake(), username);
    this.users.set(user.id as string, user);
    return user;
  }

  /** Adds a guild channel (default: text) and returns it. */
  addChannel(name: string, type: number = ChannelKind.GuildText, parentId: string | null = null): Json {
    const id = snowflake();
    const position = [...this.channels.values()].filter((c) => c.guild_id === this.guildId).length;
    const channel = guildChannelPayload(id, this.guildId, name, type, position, parentId);
    this.channels.set(id, channel);
    return channel;
  }

  /** Adds a thread under `parentId` (default: the main channel). `id` lets a thread reuse a message id. */
  addThread(
    name: string,
    parentId = this.channelId,
    type: number = ChannelKind.PublicThread,
    id = snowflake(),
  ): Json {
    const thread = threadPayload(id, this.guildId, parentId, name, type, this.applicationId);
    this.channels.set(id, thread);
    return thread;
  }

  /** The DM channel with a user, created on first use. */
  dmChannelFor(user: Json): Json {
    const userId = user.id as string;
    let id = this.#dmChannels.get(userId);
    if (id === undefined) {
      id = snowflake();
      this.#dmChannels.set(userId, id);
      this.channels.set(id, dmChannelPayload(id, user));
    }
    return this.channels.get(id) as Json;
  }

  /** The id of the DM channel with a user, or undefined while none was opened. */
  dmChannelIdOf(userId: string): string | undefined {
    return this.#dmChannels.get(userId);
  }

  /** The user a DM channel is with, or undefined for any other channel. */
  dmRecipientOf(channel: Json): string | undefined {
    if (channel.type !== ChannelKind.DM) return undefined;
    const [recipient] = (channel.recipients ?? []) as Json[];
    return recipient?.id as string | undefined;
  }

  /** The bot's own member, as listed in GUILD_CREATE. */
  botMember(): Json {
    return memberPayload(this.botUser, [this.roles.bot], this.joinedAt);
  }

  /** Guild channels that are not threads. */
  guildChannels(): Json[] {
    return [...this.channels.values()].filter(
      (c) => c.guild_id === this.guildId && !('thread_metadata' in c),
    );
  }

  /** Active threads of the guild. */
  guildThreads(): Json[] {
    return [...this.channels.values()].filter((c) => c.guild_id === this.guildId && 'thread_metadata' in c);
  }

  /** The full GUILD_CREATE payload. */
  guildCreatePayload(): Json {
    return {
      ...guildPayload(this.guildId, this.guildName, this.ownerId, this.roleList()),
      joined_at: this.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.users.size,
      voice_states: [],
      members: [this.botMember()],
      channels: this.guildChannels(),
      threads: this.guildThreads(),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
