import { isRecord } from './route-context.js';
import { snowflake } from './snowflake.js';
import type { Json } from './types.js';

/** Registered application commands (global and per guild), with ids stable per type and name. */
export class CommandStore {
  readonly #ids = new Map<string, string>();
  /** Global commands, as last set. */
  global: Json[] = [];
  /** Guild commands by guild id, as last set. */
  readonly guild = new Map<string, Json[]>();

  /** The id of a command name (and type, default chat input), allocated on first use. */
  idFor(name: string, type = 1, guildId: string | null = null): string {
    const key = `${guildId ?? 'global'}:${type}:${name}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = snowflake();
      this.#ids.set(key, id);
    }
    return id;
  }

  /** Turns a request body command into the stored command object. */
  toCommand(raw: unknown, applicationId: string, guildId: string | null): Json {
    const body = isRecord(raw) ? raw : {};
    const type = typeof body.type === 'number' ? body.type : 1;
    const name = typeof body.name === 'string' ? body.name : '';
    const command: Json = {
      name_localizations: null,
      description_localizations: null,
      default_member_permissions: null,
      dm_permission: true,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...body,
      id: typeof body.id === 'string' ? body.id : this.idFor(name, type, guildId),
      application_id: applicationId,
      version: snowflake(),
      type,
      name,
      description: typeof body.description === 'string' ? body.description : '',
    };
    if (guildId !== null) command.guild_id = guildId;
    return command;
  }

  /** Replaces a command list (PUT semantics) and returns the stored list. */
  set(rawList: unknown, applicationId: string, guildId: string | null): Json[] {
    const list = (Array.isArray(rawList) ? rawList : []).map((c) =>
      this.toCommand(c, applicationId, guildId),
    );
    if (guildId === null) this.global = list;
    else this.guild.set(guildId, list);
    return list;
  }

  /** Adds or replaces one command (POST semantics). */
  upsert(raw: unknown, applicationId: string, guildId: string | null): Json {
    const command = this.toCommand(raw, applicationId, guildId);
    const list = (guildId === null ? this.global : this.guild.get(guildId)) ?? [];
    const next = [...list.filter((c) => c.id !== command.id), command];
    if (guildId === null) this.global = next;
    else this.guild.set(guildId, next);
    return command;
  }

  /** The current list for a scope. */
  list(guildId: string | null): Json[] {
    return guildId === null ? this.global : (this.guild.get(guildId) ?? []);
  }
}
