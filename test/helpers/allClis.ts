import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, ROOT } from '../../harness/built.js';
import { type CliResult, type RunOptions, runNode } from '../../harness/runCliScript.js';

/** The compiled CLIs (`… && node --enable-source-maps dist/src/cli/<file>.js`) and the bench (`tsx bench/<file>.ts`). */
const ENTRY =
  /^(?:node scripts\/build\.js --if-stale && node --enable-source-maps dist\/(src\/cli\/\w+)\.js|tsx (bench\/\w+)\.ts)$/;

/** npm script name → the source file of its entry point, from the project root (`src/cli/askCli.ts`). */
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

/**
 * Starts every command-line entry point of package.json's scripts with `args`, as `npm run <name>` would:
 * the compiled ones together in one process (one start instead of one per command), the bench from
 * source under tsx. Their outputs are joined; the code is the first that is not 0.
 */
export async function runEveryCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const sources = [...cliScripts().values()];
  const imports = sources
    .filter((s) => s.startsWith('src/'))
    .map((s) => `await import(${JSON.stringify(pathToFileURL(built(s)).href)});`);
  // After `-e` the arguments start at argv[1]; each CLI reads its own from argv[2] on, as for a script.
  // Each command listens for errors on stdout and stderr, as it would alone: that many at once is expected.
  const listeners = `for (const s of [process.stdout, process.stderr]) s.setMaxListeners(${imports.length + 10});`;
  const compiled = `process.argv.splice(1, 0, 'every-cli'); ${listeners} ${imports.join(' ')}`;
  const runs = [await runNode(['--input-type=module', '-e', compiled, '--', ...args], options)];
  for (const source of sources.filter((s) => !s.startsWith('src/')))
    runs.push(await runNode(['--import', 'tsx', join(ROOT, source), ...args], options));
  return {
    code: runs.find((r) => r.code !== 0)?.code ?? 0,
    signal: runs.find((r) => r.signal)?.signal ?? null,
    stdout: runs.map((r) => r.stdout).join(''),
    stderr: runs.map((r) => r.stderr).join(''),
  };
}
