import { snowflake } from './snowflake.js';
import type { Json, RecordedFile } from './types.js';

/** Bytes served under `/attachments/{id}/{filename}`. */
export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** An attachment object as found in messages. */
export interface AttachmentPayload extends Json {
  id: string;
  url: string;
  proxy_url: string;
  filename: string;
  size: number;
  content_type: string;
}

/** Message flags the emulator maintains itself. */
export const MessageFlag = { HasThread: 32, Ephemeral: 64, Loading: 128 } as const;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function normalizeEmbeds(value: unknown): Json[] {
  return arrayOf(value).map((embed) => ({ type: 'rich', ...embed }));
}

/** Which `files[N]` part an upload came from. */
function uploadIndex(file: RecordedFile): string {
  return /(\d+)/.exec(file.field)?.[1] ?? file.field;
}

/** Messages of every channel, and uploaded or registered attachments. */
export class MessageStore {
  readonly #messages = new Map<string, Json>();
  readonly #attachments = new Map<string, StoredAttachment>();
  /** `http://127.0.0.1:PORT`, set when the server listens. */
  baseUrl = 'http://127.0.0.1:0';

  /** Stores bytes and returns the attachment object pointing at them. */
  registerAttachment(
    filename: string,
    bytes: Uint8Array,
    contentType = 'application/octet-stream',
  ): AttachmentPayload {
    const stored: StoredAttachment = { id: snowflake(), filename, contentType, bytes: Buffer.from(bytes) };
    this.#attachments.set(stored.id, stored);
    return this.#payload(stored);
  }

  /** The stored bytes of an attachment. */
  attachment(id: string): StoredAttachment | undefined {
    return this.#attachments.get(id);
  }

  /** The attachment object of a registered attachment (for `resolved.attachments`). */
  attachmentPayload(id: string): AttachmentPayload | undefined {
    const stored = this.#attachments.get(id);
    return stored ? this.#payload(stored) : undefined;
  }

  #payload(stored: StoredAttachment): AttachmentPayload {
    const url = `${this.baseUrl}/attachments/${stored.id}/${encodeURIComponent(stored.filename)}`;
    return {
      id: stored.id,
      filename: stored.filename,
      size: stored.bytes.length,
      url,
      proxy_url: url,
      content_type: stored.contentType,
    };
  }

  /** A stored message (live object; clone before handing it out). */
  get(id: string): Json | undefined {
    return this.#messages.get(id);
  }

  /** Messages of one channel, oldest first. */
  inChannel(channelId: string): Json[] {
    return [...this.#messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Stores a message object built elsewhere (e.g. one a test hands to button()). */
  put(message: Json): Json {
    this.#messages.set(message.id as string, message);
    return message;
  }

  /** Removes a message; false when it was unknown. */
  delete(id: string): boolean {
    return this.#messages.delete(id);
  }

  /** Builds and stores a message from a create-message request body. `extra` overrides fields. */
  create(channel: Json, author: Json, body: Json, files: RecordedFile[], extra: Json = {}): Json {
    const message: Json = {
      id: snowflake(),
      type: 0,
      channel_id: channel.id,
      author,
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.#resolveAttachments([], body, files),
      embeds: normalizeEmbeds(body.embeds),
      components: arrayOf(body.components),
      pinned: false,
      flags: typeof body.flags === 'number' ? body.flags : 0,
    };
    if (typeof channel.guild_id === 'string') message.guild_id = channel.guild_id;
    if (body.nonce !== undefined) message.nonce = body.nonce;
    const reference = body.message_reference;
    if (isRecord(reference) && typeof reference.message_id === 'string') {
      message.type = 19;
      message.message_reference = { type: 0, channel_id: channel.id, ...reference };
      const referenced = this.#messages.get(reference.message_id);
      if (referenced) message.referenced_message = structuredClone(referenced);
    }
    Object.assign(message, extra);
    channel.last_message_id = message.id;
    if ('thread_metadata' in channel) {
      channel.message_count = Number(channel.message_count ?? 0) + 1;
      channel.total_message_sent = Number(channel.total_message_sent ?? 0) + 1;
    }
    return this.put(message);
  }

  /** Applies an edit-message request body; undefined when the message is unknown. */
  edit(id: string, body: Json, files: RecordedFile[]): Json | undefined {
    const message = this.#messages.get(id);
    if (!message) return undefined;
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = normalizeEmbeds(body.embeds);
    if ('components' in body) message.components = arrayOf(body.components);
    const kept = Number(message.flags ?? 0) & (MessageFlag.Ephemeral | MessageFlag.HasThread);
    const requested = typeof body.flags === 'number' ? body.flags : Number(message.flags ?? 0);
    message.flags = (requested | kept) & ~MessageFlag.Loading;
    message.attachments = this.#resolveAttachments(arrayOf(message.attachments), body, files);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  /** Keeps the attachments the body lists (by id) and adds uploads (`files[N]` for `{id: N}`). */
  #resolveAttachments(existing: Json[], body: Json, files: RecordedFile[]): Json[] {
    const uploads = new Map(files.map((file) => [uploadIndex(file), file]));
    const upload = (file: RecordedFile, meta: Json = {}): Json => {
      const filename = typeof meta.filename === 'string' ? meta.filename : file.filename;
      const attachment: Json = this.registerAttachment(filename, file.bytes, file.contentType);
      if (typeof meta.description === 'string') attachment.description = meta.description;
      return attachment;
    };
    if (!Array.isArray(body.attachments)) return [...existing, ...files.map((file) => upload(file))];
    const result: Json[] = [];
    for (const meta of arrayOf(body.attachments)) {
      const id = String(meta.id);
      const kept = existing.find((attachment) => attachment.id === id);
      const file = uploads.get(id);
      if (kept) result.push(kept);
      else if (file) result.push(upload(file, meta));
    }
    return result;
  }
}
