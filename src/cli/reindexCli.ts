import { describeReport } from '../engine/reindexReport.js';
import { describeRollback } from '../engine/rollbackReport.js';
import { forTerminal } from '../util/forTerminal.js';
import { parseCliArgs } from './cliArgs.js';
import { UsageError } from './errors.js';
import { openEngine } from './openEngine.js';
import { runCli } from './runCli.js';

const USAGE = `usage: npm run reindex -- [--full | --rollback]
  brings the saved index in DATA_DIR up to date with KNOWLEDGE_DIR (only changed documents are
  re-segmented); --full rebuilds everything; --rollback makes the previous saved index current
  again (a running bot switches to it) and pauses automatic reindexing until the next reindex`;

async function main(): Promise<number> {
  const { values } = parseCliArgs(process.argv.slice(2), {
    options: { full: { type: 'boolean' }, rollback: { type: 'boolean' } },
  });
  if (values.full && values.rollback) throw new UsageError('--full and --rollback cannot go together');
  const engine = await openEngine('warn', false);
  if (values.rollback) {
    process.stdout.write(`${forTerminal(describeRollback(await engine.rollback()))}\n`);
    return 0;
  }
  const report = await engine.reindex({ full: values.full ?? false });
  process.stdout.write(`${forTerminal(describeReport(report))}\n`);
  return report.saved ? 0 : 1;
}

runCli(main, USAGE);
