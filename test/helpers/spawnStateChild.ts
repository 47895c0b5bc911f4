import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../harness/runCliScript.js';

export interface StateChild {
  /** Resolves once the child has the database open. */
  ready: Promise<void>;
  /** The child's JSON result; rejects when it fails or runs over the bound. */
  result: Promise<unknown>;
  /** Tells a waiting child to start. */
  go(): void;
  exited(): boolean;
}

/** Runs test/helpers/stateChild.ts in its own process, as a bot or a CLI would open the database. */
export function spawnStateChild(args: string[], timeoutMs = 60_000): StateChild {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'stateChild.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let exited = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const result = new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`state child ${args[0]} timed out\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      exited = true;
      clearTimeout(timer);
      markReady();
      const last = stdout.trimEnd().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`state child ${args[0]} exited ${code}\n${stderr}`));
      else resolve(JSON.parse(last));
    });
  });
  return {
    ready,
    result,
    go: () => child.stdin.end('go\n'),
    exited: () => exited,
  };
}
