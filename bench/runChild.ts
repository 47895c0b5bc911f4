import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildOutcome, ChildTask } from './childTask.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** The heap limit the start scripts give the bot and the CLI (package.json, the Dockerfile). */
const HEAP_LIMIT_MB = 3072;

/** Runs one task in a fresh Node process (tsx loader, gc exposed, the bot's heap limit); kills it after `timeoutMs`. */
export function runChild<T extends ChildOutcome>(task: ChildTask, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      execArgv: [
        '--import',
        import.meta.resolve('tsx'),
        '--expose-gc',
        `--max-old-space-size=${HEAP_LIMIT_MB}`,
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: ChildMessage | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${task.kind} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('message', (m: ChildMessage) => {
      message = m;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const m = message as ChildMessage | null;
      if (m?.ok) resolve(m.outcome as T);
      else if (m) reject(new Error(`${task.kind} failed: ${m.error}`));
      else reject(new Error(`${task.kind} exited (${signal ?? `code ${code}`}) without a result`));
    });
    child.send(task);
  });
}
