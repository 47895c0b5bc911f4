/**
 * Starts a worker thread on a module beside the caller, whether the program runs from TypeScript
 * sources (under tsx) or compiled: a worker thread does not inherit the main thread's loader, so the
 * worker registers tsx's before it imports its module.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

/** `callerUrl` is the caller's import.meta.url; `name` the worker module's name without extension. */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const caller = fileURLToPath(callerUrl);
  const entry = new URL(`./${name}${path.extname(caller)}`, callerUrl).href;
  const tsx = caller.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  return new Worker(BOOTSTRAP, { ...options, eval: true, workerData: { entry, tsx } });
}
