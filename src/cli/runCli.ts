import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDotEnv } from '../config/engineConfig.js';
import { ConfigError } from '../config/errors.js';
import { RebuildTooLargeError, ReindexBusyError, RollbackError } from '../engine/errors.js';
import { IngestError } from '../ingest/errors.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';
import { StateError } from '../state/errors.js';
import { forTerminal } from '../util/forTerminal.js';
import { UsageError } from './errors.js';

type Env = Record<string, string | undefined>;

/** All a command-line tool reads and writes of its process, so a test can run it in its own. */
export interface CliIo {
  /** The arguments after the script's name. */
  argv: readonly string[];
  /** The environment, `.env` read into it. */
  env: Env;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** A command-line tool: its usage (what `--help` prints) and what it does; `main` returns the exit code. */
export interface Cli {
  usage: string;
  main(io: CliIo): Promise<number>;
}

/** What runCli touches of a process beyond the tool's I/O: the exit code, and an early exit. */
export interface CliProcess extends CliIo {
  setExitCode(code: number): void;
  exit(code: number): void;
}

function realProcess(): CliProcess {
  loadDotEnv();
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    setExitCode: (code) => {
      process.exitCode = code;
    },
    exit: (code) => process.exit(code),
  };
}

const isHelp = (argv: readonly string[]) => argv.some((a) => a === '--help' || a === '-h');

/** The one line and exit code of an expected problem; null for anything else (its stack is printed). */
function expected(error: unknown, message: string): { line: string; code: number } | null {
  if (error instanceof KnowledgeFolderError)
    return { line: `error: ${message}; set KNOWLEDGE_DIR to the folder of documents`, code: 2 };
  if (error instanceof ConfigError) return { line: `configuration error: ${message}`, code: 2 };
  if (error instanceof IngestError) return { line: `error: ${message}; nothing was added`, code: 1 };
  if (
    error instanceof ReindexBusyError ||
    error instanceof RollbackError ||
    error instanceof RebuildTooLargeError
  )
    return { line: `error: ${message}; nothing was changed`, code: 1 };
  if (error instanceof StateError) return { line: `error: ${message}`, code: 1 };
  return null;
}

/**
 * Runs a command-line tool: `--help` / `-h` prints the usage instead; expected problems become
 * one clear line on stderr and a non-zero exit; anything else prints its stack. A reader that goes
 * away (`npm run reindex | head`) ends the process quietly. Resolves to the exit code.
 */
export async function runCli({ usage, main }: Cli, proc: CliProcess = realProcess()): Promise<number> {
  let code = 0;
  const setCode = (next: number) => {
    code = next;
    proc.setExitCode(next);
  };
  for (const stream of [proc.stdout, proc.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      proc.exit(code);
    });
  if (isHelp(proc.argv)) {
    proc.stdout.write(`${usage}\n`);
    setCode(0);
    return code;
  }
  try {
    setCode(await main(proc));
  } catch (error) {
    // Messages echo file names, reasons and configured values: nothing in them may drive the
    // terminal, and each stays on its one line.
    const writeError = (text: string) => proc.stderr.write(forTerminal(text));
    const message = forTerminal((error as Error | null)?.message ?? '', { oneLine: true });
    const known = expected(error, message);
    if (error instanceof UsageError) {
      writeError(`error: ${message}\n\n${usage}\n`);
      setCode(2);
    } else if (known) {
      writeError(`${known.line}\n`);
      setCode(known.code);
    } else {
      writeError(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      setCode(1);
    }
  }
  return code;
}

/** Runs `cli` when the module at `moduleUrl` is the script node was started with (not when imported). */
export function runAsScript(moduleUrl: string, cli: Cli): void {
  const script = process.argv[1];
  if (script === undefined) return;
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  };
  if (real(script) === real(fileURLToPath(moduleUrl))) void runCli(cli);
}
