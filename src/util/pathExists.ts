import { access } from 'node:fs/promises';

/** Whether anything (file, folder, link) is at `path`. */
export function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
