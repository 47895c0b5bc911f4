import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, ROOT } from '../../harness/built.js';

/**
 * Starts every command-line entry point of package.json's scripts in this one process, as
 * `npm run <name>` would, with this process's arguments (a test passes --help): one process start
 * instead of one per command. Run it under tsx (the bench runs from source).
 */

/** The compiled CLIs (`… && node --enable-source-maps dist/src/cli/<file>.js`) and the bench (`tsx bench/<file>.ts`). */
const ENTRY =
  /^(?:node scripts\/build\.js --if-stale && node --enable-source-maps dist\/(src\/cli\/\w+)\.js|tsx (bench\/\w+)\.ts)$/;

/** npm script name → the source file of its entry point, from the project root (`src/cli/ask.ts`). */
export function cliScripts(): Map<string, string> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const found = new Map<string, string>();
  for (const [name, command] of Object.entries(scripts)) {
    const match = ENTRY.exec(command);
    const source = match?.[1] ?? match?.[2];
    if (source) found.set(name, `${source}.ts`);
  }
  return found;
}

if (process.argv[1] === import.meta.filename)
  for (const source of cliScripts().values())
    await import(source.startsWith('src/') ? built(source) : join(ROOT, source));
