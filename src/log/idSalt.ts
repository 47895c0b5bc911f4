import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SALT = /^[0-9a-f]{64}$/;
export const ID_SALT_FILE = 'id-salt';

async function readSalt(file: string): Promise<string | null> {
  try {
    const salt = (await readFile(file, 'utf8')).trim();
    return SALT.test(salt) ? salt : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The salt of hashed member ids when LOG_ID_SALT is not set: made once and kept in DATA_DIR (owner
 * only), so that the hashed ids stored with a member's questions still match after a restart and
 * /forget-me finds them. Two processes starting together end up with the same salt: the file is
 * linked into place, never overwritten, unless it holds no salt (a crash mid-write left it empty).
 */
export async function persistentIdSalt(dataDir: string): Promise<string> {
  const file = path.join(dataDir, ID_SALT_FILE);
  const found = await readSalt(file);
  if (found) return found;
  await mkdir(dataDir, { recursive: true });
  const salt = randomBytes(32).toString('hex');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${salt}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = await readSalt(file);
    if (other) return other;
    await unlink(file);
    await link(temp, file);
    return salt;
  } finally {
    await unlink(temp).catch(() => {});
  }
}
