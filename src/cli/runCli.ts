import { ConfigError } from '../config/configError.js';
import { ReindexBusyError } from '../engine/reindexBusyError.js';
import { RollbackError } from '../engine/rollbackReport.js';
import { KnowledgeFolderError } from '../knowledge/knowledgeFolderError.js';
import { forTerminal } from '../util/forTerminal.js';
import { UsageError } from './usageError.js';

/** Messages echo file names, reasons and configured values: nothing in them may drive the terminal. */
function writeError(text: string): void {
  process.stderr.write(forTerminal(text));
}

/**
 * Runs a CLI's main function: expected problems become one clear line on stderr and a non-zero
 * exit; anything else prints its stack.
 */
export function runCli(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        writeError(`error: ${error.message}\n\n${usage}\n`);
        process.exitCode = 2;
      } else if (error instanceof KnowledgeFolderError) {
        writeError(`error: ${error.message}; set KNOWLEDGE_DIR to the folder of documents\n`);
        process.exitCode = 2;
      } else if (error instanceof ConfigError) {
        writeError(`configuration error: ${error.message}\n`);
        process.exitCode = 2;
      } else if (error instanceof ReindexBusyError || error instanceof RollbackError) {
        writeError(`error: ${error.message}; nothing was changed\n`);
        process.exitCode = 1;
      } else {
        writeError(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
