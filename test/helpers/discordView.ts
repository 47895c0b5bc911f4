import assert from 'node:assert/strict';
import type { BotProcess } from '../../harness/botProcess.js';
import type {
  DiscordEmulator,
  DispatchedInteraction,
  Json,
  RecordedRequest,
} from '../../harness/emulator/index.js';
import { showContextId } from '../../src/discord/customIds.js';
import { familyOf } from '../../src/discord/idFamily.js';

/** Read-only views of what the bot sent, typed just enough for assertions. */
export interface ButtonView {
  type: number;
  custom_id: string;
  label: string;
  style: number;
  disabled?: boolean;
}

export interface EmbedView {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
}

export interface MessageView {
  id: string;
  channel_id: string;
  content: string;
  flags: number;
  embeds: EmbedView[];
  components: { type: number; components: ButtonView[] }[];
  allowed_mentions?: unknown;
}

/** What every message the bot sends must carry: no pings of any kind. */
export const NO_MENTIONS = { parse: [] };
export const EPHEMERAL = 64;

/** A stored message or a callback's `data` as a MessageView (missing arrays become empty). */
export function view(message: Json | undefined): MessageView {
  const m = (message ?? {}) as Partial<MessageView>;
  return {
    id: String(m.id ?? ''),
    channel_id: String(m.channel_id ?? ''),
    content: m.content ?? '',
    flags: Number(m.flags ?? 0),
    embeds: m.embeds ?? [],
    components: m.components ?? [],
    allowed_mentions: m.allowed_mentions,
  };
}

export function buttonsOf(message: Json | MessageView | undefined): ButtonView[] {
  const components = (message?.components ?? []) as MessageView['components'];
  return components.flatMap((row) => row.components);
}

/** The buttons of one custom_id family (idFamily.ts). */
export function buttonsOfFamily(message: Json | MessageView | undefined, family: string): ButtonView[] {
  return buttonsOf(message).filter((b) => familyOf(b.custom_id) === family);
}

/** The one button of a custom_id family; throws listing the buttons when absent. */
export function buttonWith(message: Json | MessageView | undefined, family: string): ButtonView {
  const found = buttonsOfFamily(message, family);
  if (found.length !== 1)
    throw new Error(
      `expected one "${family}" button, got: ${buttonsOf(message)
        .map((b) => b.custom_id)
        .join(', ')}`,
    );
  return found[0] as ButtonView;
}

/** Descriptions of all embeds, one after the other. */
export function embedText(message: MessageView): string {
  return message.embeds.map((e) => e.description ?? '').join('\n');
}

/** The `[n]` ranks of the source lines in a text, in order. */
export function ranksIn(text: string): number[] {
  return [...text.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1]));
}

export function unbold(text: string): string {
  return text.replaceAll('**', '');
}

/** Requests answered after `seq` (see `emu.recorder.lastSeq`), optionally of one route name. */
export function requestsAfter(emu: DiscordEmulator, seq: number, name?: string): RecordedRequest[] {
  return emu.requests.filter((r) => r.seq > seq && (name === undefined || r.name === name));
}

/** The JSON body of a request as a MessageView (thread posts, webhook edits). */
export function bodyOf(request: RecordedRequest | undefined): MessageView {
  return view(request?.body as Json | undefined);
}

/**
 * Dispatches an interaction and waits until the bot has finished with it: its first callback, then its
 * one `interaction` log line, which the bot writes after its last request for that interaction.
 */
export async function settle(emu: DiscordEmulator, bot: BotProcess, dispatch: () => DispatchedInteraction) {
  const from = bot.logs.length;
  const interaction = dispatch();
  const callback = await emu.waitForCallback(interaction);
  // This interaction's own line: another one's (an autocomplete just before) may be written meanwhile.
  const log = await bot.waitForLog(
    (l) => l.msg === 'interaction' && l.interactionId === interaction.id,
    5000,
    from,
  );
  return { interaction, callback, data: view(callback.data), log };
}

/** Content, then each embed's title and description: everything a reader sees as text. */
export function messageText(message: Json | MessageView | undefined): string {
  const m = 'embeds' in (message ?? {}) ? (message as MessageView) : view(message as Json);
  return [m.content ?? '', ...(m.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join(
    '\n',
  );
}

/** A member's /ask, answered in the callback, as text without bold markers. */
export async function askedText(emu: DiscordEmulator, question: string): Promise<string> {
  const cb = await emu.waitForCallback(
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }], { member: emu.members.plain }),
  );
  return unbold(messageText(cb.data));
}

/** The passage ids the Context buttons of a message carry, in order. */
export const contextIds = (message: Json | MessageView) =>
  buttonsOfFamily(message, 'context').map((b) => showContextId.parse(b.custom_id)?.passageId);

/** The parts of a Context message: `-# before`, the passage in bold, `-# after`, the source line. */
export function contextParts(description: string) {
  const m = /^-# before\n([\s\S]+?)\n\n\*\*([\s\S]+)\*\*\n\n-# after\n([\s\S]+)\n\n([^\n]+)$/.exec(
    description,
  );
  assert.ok(m, `context layout: ${description.slice(0, 300)}`);
  return { before: m[1] as string, passage: m[2] as string, after: m[3] as string, source: m[4] as string };
}
