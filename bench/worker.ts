/**
 * Child process of the bench: runs one task (one side, one size) and sends back what it measured,
 * so each side's peak RSS is its own. Started by runChild with --import tsx.
 */
import type { ChildMessage, ChildOutcome, ChildTask } from './childTask.js';
import { oursBuild, oursLoad } from './oursBench.js';
import { plainBuild, plainLoad } from './plainBench.js';

function run(task: ChildTask): Promise<ChildOutcome> {
  switch (task.kind) {
    case 'ours-build':
      return oursBuild(task);
    case 'ours-load':
      return oursLoad(task);
    case 'plain-build':
      return plainBuild(task);
    case 'plain-load':
      return plainLoad(task);
  }
}

process.once('message', (task: ChildTask) => {
  run(task)
    .then(
      (outcome): ChildMessage => ({ ok: true, outcome }),
      (error: unknown): ChildMessage => ({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    )
    .then((message) => {
      process.send?.(message, () => process.disconnect());
    });
});
