import { clone, type RouteContext } from './route-context.js';
import { apiError, ErrorCode, json } from './router.js';
import type { RouteReply } from './types.js';

function scope(context: RouteContext): { guildId: string | null } | RouteReply {
  const { applicationId, guildId } = context.request.params;
  if (applicationId !== context.world.applicationId) return apiError(404, 'Unknown Application', 10002);
  if (guildId !== undefined && guildId !== context.world.guildId)
    return apiError(404, 'Unknown Guild', 10004);
  return { guildId: guildId ?? null };
}

function isReply(value: object): value is RouteReply {
  return 'status' in value;
}

/** PUT /applications/{app}/commands and /applications/{app}/guilds/{g}/commands: echoes the list with ids. */
export function overwriteCommands(context: RouteContext): RouteReply {
  const target = scope(context);
  if (isReply(target)) return target;
  if (!Array.isArray(context.request.body))
    return apiError(400, 'Invalid Form Body', ErrorCode.InvalidFormBody);
  return json(clone(context.commands.set(context.request.body, context.world.applicationId, target.guildId)));
}

/** GET the registered commands of a scope. */
export function listCommands(context: RouteContext): RouteReply {
  const target = scope(context);
  if (isReply(target)) return target;
  return json(clone(context.commands.list(target.guildId)));
}

/** POST one command to a scope. */
export function createCommand(context: RouteContext): RouteReply {
  const target = scope(context);
  if (isReply(target)) return target;
  return json(clone(context.commands.upsert(context.body, context.world.applicationId, target.guildId)), 201);
}
