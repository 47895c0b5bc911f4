import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

let checked = false;

/**
 * The compiled file for `source` (a path from the project root, such as `src/cli/askCli.ts`), as `npm start`
 * and the CLIs run it. The first call in a process rebuilds dist/ if a source changed since the last build
 * (`npm test` builds first, so this is then a check of a few milliseconds), so a test never runs stale code.
 */
export function built(source: string): string {
  if (!checked) {
    const { status, stderr } = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'build.js'), '--if-stale'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (status !== 0) throw new Error(`building dist/ failed:\n${stderr}`);
    checked = true;
  }
  return join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
}
