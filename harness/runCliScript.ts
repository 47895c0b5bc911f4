import { spawn } from 'node:child_process';
import { built, ROOT } from './built.js';

export { ROOT };

export interface CliResult {
  code: number | null;
  /** The signal that ended it, if any (SIGKILL in crash tests). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
  /** The working directory; the project root by default, as for `npm run`. */
  cwd?: string;
}

/**
 * Runs a CLI as `npm run` does: the compiled file of `script`, named by its source under src/cli/
 * (`ask.ts`, or `../bot/main.ts` for the bot), with a bounded run time.
 */
export function runCliScript(script: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(['--enable-source-maps', built(`src/cli/${script}`), ...args], options);
}

/** `node …args` from the project root with LOG_LEVEL=warn (as the CLIs default to), killed after the timeout. */
export function runNode(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} timed out\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
