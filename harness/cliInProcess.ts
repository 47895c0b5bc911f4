import { Readable, Writable } from 'node:stream';
import { type Cli, type CliProcess, runCli } from '../src/cli/runCli.js';
import type { CliResult, RunOptions } from './runCliScript.js';

/** Collects what is written, as text. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs a command-line tool's main in this process, as `runCliScript` runs its compiled file in another:
 * the same arguments, environment (with LOG_LEVEL=warn) and standard input, the same result. It saves the
 * start of a process and the load of its modules, which the runs after the first share. No `cwd`: a
 * tool run elsewhere than the project root needs its own process.
 */
export async function runCliInProcess(
  cli: Cli,
  args: string[],
  options: RunOptions = {},
): Promise<CliResult> {
  if (options.cwd !== undefined)
    throw new Error('runCliInProcess runs in the project root; use runCliScript');
  const stdout = collector();
  const stderr = collector();
  const proc: CliProcess = {
    argv: args,
    env: { LOG_LEVEL: 'warn', ...options.env },
    stdin: Readable.from(options.input ? [options.input] : []),
    stdout: stdout.stream,
    stderr: stderr.stream,
    // runCli's resolved code is the result; an early exit (a reader gone) cannot happen here.
    setExitCode: () => {},
    exit: () => {},
  };
  const code = await runCli(cli, proc);
  return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
}
