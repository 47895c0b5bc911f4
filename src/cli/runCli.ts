import { ConfigError } from '../config/errors.js';
import { ReindexBusyError, RollbackError } from '../engine/errors.js';
import { IngestError } from '../ingest/errors.js';
import { KnowledgeFolderError } from '../knowledge/errors.js';
import { StateError } from '../state/errors.js';
import { forTerminal } from '../util/forTerminal.js';
import { UsageError } from './errors.js';

/** What a CLI touches of its process; replaced in tests. */
export interface CliProcess {
  argv: readonly string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  setExitCode(code: number): void;
  exit(code: number): void;
}

const realProcess = (): CliProcess => ({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => {
    process.exitCode = code;
  },
  exit: (code) => process.exit(code),
});

const isHelp = (argv: readonly string[]) => argv.some((a) => a === '--help' || a === '-h');

/**
 * Runs a CLI's main function: `--help` / `-h` prints the usage instead; expected problems become
 * one clear line on stderr and a non-zero exit; anything else prints its stack. A reader that goes
 * away (`npm run reindex | head`) ends the process quietly.
 */
export async function runCli(
  main: () => Promise<number>,
  usage: string,
  proc: CliProcess = realProcess(),
): Promise<void> {
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
    return;
  }
  try {
    setCode(await main());
  } catch (error) {
    // Messages echo file names, reasons and configured values: nothing in them may drive the
    // terminal, and each stays on its one line.
    const writeError = (text: string) => proc.stderr.write(forTerminal(text));
    const message = forTerminal((error as Error | null)?.message ?? '', { oneLine: true });
    if (error instanceof UsageError) {
      writeError(`error: ${message}\n\n${usage}\n`);
      setCode(2);
    } else if (error instanceof KnowledgeFolderError) {
      writeError(`error: ${message}; set KNOWLEDGE_DIR to the folder of documents\n`);
      setCode(2);
    } else if (error instanceof ConfigError) {
      writeError(`configuration error: ${message}\n`);
      setCode(2);
    } else if (error instanceof IngestError) {
      writeError(`error: ${message}; nothing was added\n`);
      setCode(1);
    } else if (error instanceof ReindexBusyError || error instanceof RollbackError) {
      writeError(`error: ${message}; nothing was changed\n`);
      setCode(1);
    } else if (error instanceof StateError) {
      writeError(`error: ${message}\n`);
      setCode(1);
    } else {
      writeError(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      setCode(1);
    }
  }
}
