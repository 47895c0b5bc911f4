import type { RouteReply } from './types.js';

/** A matched route: its name, template and path parameters. */
export interface RouteMatch<H> {
  name: string;
  template: string;
  params: Record<string, string>;
  handler: H;
  /** Whether the route needs `Authorization: Bot <token>`. */
  auth: boolean;
}

interface Route<H> {
  method: string;
  name: string;
  template: string;
  segments: string[];
  handler: H;
  auth: boolean;
}

/** Matches `METHOD /a/:param/b` templates against decoded path segments. */
export class Router<H> {
  readonly #routes: Route<H>[] = [];

  /** Adds a route; `:name` segments capture parameters. */
  add(method: string, template: string, name: string, handler: H, auth = true): this {
    this.#routes.push({
      method,
      template,
      name,
      segments: template.split('/').filter(Boolean),
      handler,
      auth,
    });
    return this;
  }

  /** The first route matching the method and decoded segments. */
  match(method: string, segments: readonly string[]): RouteMatch<H> | undefined {
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((part, index) => {
        const actual = segments[index] ?? '';
        if (part.startsWith(':')) {
          params[part.slice(1)] = actual;
          return true;
        }
        return part === actual;
      });
      if (ok)
        return {
          name: route.name,
          template: route.template,
          params,
          handler: route.handler,
          auth: route.auth,
        };
    }
    return undefined;
  }
}

/** A JSON answer. */
export function json(body: unknown, status = 200): RouteReply {
  return { status, body };
}

/** An empty 204 answer. */
export function noContent(): RouteReply {
  return { status: 204 };
}

/** A Discord-style error answer `{message, code}`. */
export function apiError(status: number, message: string, code: number): RouteReply {
  return { status, body: { message, code } };
}

/** Discord error codes the emulator uses. */
export const ErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  CannotSendMessagesToThisUser: 50007,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InteractionAlreadyAcknowledged: 40060,
  ThreadAlreadyCreated: 160004,
} as const;
