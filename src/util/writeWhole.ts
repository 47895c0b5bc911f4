import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `target` whole or not at all, replacing what is there: a hidden temporary file beside it,
 * then a rename. (Knowledge files go through writeFileAtomic, which can also refuse to replace.)
 */
export async function writeWhole(target: string, bytes: Buffer): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
