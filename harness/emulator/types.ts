/** A JSON object as sent to or received from discord.js. */
export type Json = Record<string, unknown>;

/** A file part of a multipart/form-data request (discord.js uploads). */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Buffer;
}

/** One HTTP request received by the emulator. */
export interface RecordedRequest {
  /** Arrival order, starting at 1. */
  seq: number;
  method: string;
  /** Full decoded path, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Decoded path below `/api/v10` with the concrete ids (the full path for non-API routes). */
  route: string;
  /** Matched route name (e.g. `interactionCallback`), or `unknown`. */
  name: string;
  /** Matched route template (e.g. `/interactions/:interactionId/:token/callback`), or null. */
  template: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body; undefined when empty. */
  body: unknown;
  /** Uploaded files of a multipart body. */
  files: RecordedFile[];
  /** Non-file multipart fields other than `payload_json`. */
  formFields: Record<string, string>;
  /** Arrival time, ms since the Unix epoch. */
  time: number;
  /** Status the emulator answered with (set before waiters are woken). */
  status: number | null;
  /** True when the answer came from failNext(). */
  faulted: boolean;
}

/** Selects requests: a route name / template / concrete route, optionally prefixed by a method
 * (`'POST interactionCallback'`, `'PATCH /webhooks/:applicationId/:token/messages/:messageId'`),
 * a RegExp tested against `'METHOD route'`, or a predicate. */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

/** An answer produced by a route handler. */
export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
