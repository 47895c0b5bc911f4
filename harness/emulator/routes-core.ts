import { clone, type RouteContext } from './route-context.js';
import { json } from './router.js';
import type { RouteReply } from './types.js';

/** GET /gateway/bot (401 with a wrong token is handled by the auth check). */
export function gatewayBot(context: RouteContext): RouteReply {
  return json({
    url: context.gatewayUrl,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  });
}

/** GET /gateway */
export function gateway(context: RouteContext): RouteReply {
  return json({ url: context.gatewayUrl });
}

/** GET /users/@me */
export function currentUser(context: RouteContext): RouteReply {
  return json(clone(context.world.botUser));
}

/** GET /applications/@me */
export function currentApplication(context: RouteContext): RouteReply {
  const { world } = context;
  return json({
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: clone(world.botUser),
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: { id: world.ownerId, username: 'owner', discriminator: '0', avatar: null, global_name: 'owner' },
    team: null,
    integration_types_config: { '0': {} },
  });
}
