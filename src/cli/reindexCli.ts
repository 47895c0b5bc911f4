import { describeReport } from '../engine/reindexReport.js';
import { describeRollback } from '../engine/rollbackReport.js';
import { forTerminal } from '../util/forTerminal.js';
import { parseCliArgs } from './cliArgs.js';
import { UsageError } from './errors.js';
import { openEngine } from './openEngine.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const USAGE = `usage: npm run reindex -- [--full | --rollback]
  brings the saved index in DATA_DIR up to date with KNOWLEDGE_DIR (only changed documents are
  re-segmented); --full rebuilds everything; --rollback makes the previous saved index current
  again (a running bot switches to it) and pauses automatic reindexing until the next reindex`;

async function main(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(io.argv, {
    options: { full: { type: 'boolean' }, rollback: { type: 'boolean' } },
  });
  if (values.full && values.rollback) throw new UsageError('--full and --rollback cannot go together');
  const engine = await openEngine(io, 'warn', false);
  if (values.rollback) {
    io.stdout.write(`${forTerminal(describeRollback(await engine.rollback()))}\n`);
    return 0;
  }
  const report = await engine.reindex({ full: values.full ?? false });
  io.stdout.write(`${forTerminal(describeReport(report))}\n`);
  await engine.settled();
  return report.saved ? 0 : 1;
}

export const reindexCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, reindexCli);
