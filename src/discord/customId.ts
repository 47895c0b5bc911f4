import { LIMITS } from './send/limits.js';

/** Builds a button custom_id; ids are ours (never user text), so an overlong one is our bug. */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args.map(String)].join(':');
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${id}`);
  return id;
}

export function parseCustomId(id: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = id.split(':');
  return { prefix, args };
}
