import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built, ROOT } from '../../harness/built.js';
import { type CliResult, type RunOptions, runNode } from '../../harness/runCliScript.js';
import type { Cli } from '../../src/cli/runCli.js';

/**
 * The compiled CLIs (`… && node --enable-source-maps --max-old-space-size=3072 dist/src/cli/<file>.js`)
 * and the bench (`tsx bench/<file>.ts`).
 */
const ENTRY =
  /^(?:node scripts\/build\.js --if-stale && node --enable-source-maps --max-old-space-size=\d+ dist\/(src\/cli\/\w+)\.js|tsx (bench\/\w+)\.ts)$/;

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
 * the compiled ones from dist/, the bench from source under tsx, all at once. Their outputs are joined; the
 * code is the first that is not 0.
 */
export async function runEveryCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const runs = await Promise.all(
    [...cliScripts().values()].map((source) =>
      source.startsWith('src/')
        ? runNode(['--enable-source-maps', built(source), ...args], options)
        : runNode(['--import', 'tsx', join(ROOT, source), ...args], options),
    ),
  );
  return {
    code: runs.find((r) => r.code !== 0)?.code ?? 0,
    signal: runs.find((r) => r.signal)?.signal ?? null,
    stdout: runs.map((r) => r.stdout).join(''),
    stderr: runs.map((r) => r.stderr).join(''),
  };
}

const isCli = (value: unknown): value is Cli =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Cli).usage === 'string' &&
  typeof (value as Cli).main === 'function';

/** Every entry point's Cli, by npm script name: the one Cli its module exports (importing it runs nothing). */
export async function everyCli(): Promise<Map<string, Cli>> {
  const found = new Map<string, Cli>();
  for (const [name, source] of cliScripts()) {
    const module = (await import(pathToFileURL(join(ROOT, source)).href)) as Record<string, unknown>;
    const clis = Object.values(module).filter(isCli);
    if (clis.length !== 1) throw new Error(`${source} exports ${clis.length} Cli objects, not one`);
    found.set(name, clis[0] as Cli);
  }
  return found;
}
