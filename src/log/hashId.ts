import { createHmac, randomBytes } from 'node:crypto';

export type IdHasher = (id: string) => string;

/** 12 hex characters of HMAC-SHA256(salt, id): ids can be correlated within the logs, not read back. */
export function createIdHasher(salt: string | Buffer): IdHasher {
  return (id) => createHmac('sha256', salt).update(id).digest('hex').slice(0, 12);
}

let defaultHasher: IdHasher | undefined;

/**
 * Hashes a Discord id (member, user) for logging; raw ids never go into a log line. The salt is
 * LOG_ID_SALT when set at the first call, else the one the bot keeps in DATA_DIR (useIdSalt), else
 * random for this process (a CLI that stores nothing by member).
 */
export function hashId(id: string): string {
  if (defaultHasher === undefined) {
    const salt = process.env.LOG_ID_SALT?.trim();
    defaultHasher = createIdHasher(salt ? salt : randomBytes(32));
  }
  return defaultHasher(id);
}

/** Sets the salt hashId uses from now on (the bot's persistent one, before it hashes anything). */
export function useIdSalt(salt: string): void {
  defaultHasher = createIdHasher(salt);
}
