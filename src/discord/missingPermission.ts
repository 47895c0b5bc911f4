import { PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError } from './errors.js';

/*
 * Discord answers 403 with code 50013 (Missing Permissions) when the bot's role lacks a permission in
 * the channel, and 50001 (Missing Access) when it cannot see the channel. That is a server setting an
 * admin can fix, not a fault to apologise for: the member is told which permission, and who grants it.
 */

const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** Permissions by their name in Discord's settings. */
const NAMES = {
  ViewChannel: 'View Channel',
  CreatePublicThreads: 'Create Public Threads',
  SendMessagesInThreads: 'Send Messages in Threads',
  ReadMessageHistory: 'Read Message History',
} as const;

type Permission = keyof typeof NAMES;

/** What the bot was doing, in words, and the permissions that takes. */
export interface ChannelAction {
  doing: string;
  needs: readonly Permission[];
}

export const START_THREAD: ChannelAction = {
  doing: 'open a thread on that message',
  needs: ['CreatePublicThreads', 'ReadMessageHistory'],
};

export const POST_IN_THREAD: ChannelAction = {
  doing: 'post in that thread',
  needs: ['SendMessagesInThreads'],
};

/** A denial nobody mapped: still a sentence, without naming a permission we cannot know. */
export const ANY_ACTION: ChannelAction = { doing: 'do that', needs: [] };

/** The bot's permissions in the channel (an interaction's `appPermissions`). */
export interface Granted {
  has(bit: bigint): boolean;
}

function deniedCode(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return code === MISSING_PERMISSIONS || code === MISSING_ACCESS ? code : null;
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const WHERE = "(Server Settings → Roles) or in this channel's settings (Edit Channel → Permissions)";

/** The sentence for a permission denial during `action`, or null when `error` is something else. */
export function missingPermissionError(
  error: unknown,
  action: ChannelAction,
  granted: Granted | null,
): UserError | null {
  const code = deniedCode(error);
  if (code === null) return null;
  const needs: Permission[] = code === MISSING_ACCESS ? ['ViewChannel', ...action.needs] : [...action.needs];
  const lacking = granted ? needs.filter((p) => !granted.has(PermissionFlagsBits[p])) : [];
  const start = `I can't ${action.doing}:`;
  if (lacking.length > 0) {
    const several = lacking.length > 1;
    return new UserError(
      `${start} I lack the ${list(lacking.map((p) => NAMES[p]))} permission${several ? 's' : ''} in this channel. A server admin can grant ${several ? 'them' : 'it'} to my role ${WHERE}.`,
      'refused',
    );
  }
  const said = `${start} Discord says I lack a permission for it in this channel`;
  if (needs.length === 0)
    return new UserError(
      `${said}. A server admin can check my role's permissions (Server Settings → Roles) and this channel's settings (Edit Channel → Permissions).`,
      'refused',
    );
  const several = needs.length > 1;
  return new UserError(
    `${said}; it needs ${list(needs.map((p) => NAMES[p]))}. A server admin can grant ${several ? 'them' : 'it'} to my role ${WHERE}.`,
    'refused',
  );
}

/** Runs a Discord call of `action`, turning a permission denial into the sentence above. */
export async function withPermissionHint<T>(
  action: ChannelAction,
  granted: Granted | null,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw missingPermissionError(error, action, granted) ?? error;
  }
}
