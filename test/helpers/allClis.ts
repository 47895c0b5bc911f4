import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts every command-line entry point of package.json's scripts in this one process, as
 * `npm run <name>` would, with this process's arguments (a test passes --help): one process start
 * instead of one per command.
 */
const ROOT = join(import.meta.dirname, '..', '..');

/** npm script name → its entry file (from the project root), for each script that runs `tsx <file>.ts`. */
export function cliScripts(): Map<string, string> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const found = new Map<string, string>();
  for (const [name, command] of Object.entries(scripts)) {
    const file = /^tsx ((?:src\/cli|bench)\/\w+\.ts)$/.exec(command)?.[1];
    if (file) found.set(name, file);
  }
  return found;
}

if (process.argv[1] === import.meta.filename)
  for (const file of cliScripts().values()) await import(join(ROOT, file));
